import type { ImportReport } from './queries';

export interface UploadProgress {
  phase: 'uploading' | 'reading' | 'checking' | 'writing';
  share: number;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends a 3W sheet to the import route and follows its progress: the upload's bytes, then the
 * server's progress lines (application/x-ndjson), ending with the report or a problem.
 */
export function uploadMatrix(
  query: string,
  file: File,
  csrfToken: string,
  onProgress: (p: UploadProgress) => void,
): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/directory/matrix/import${query}`);
    xhr.setRequestHeader('content-type', file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : XLSX);
    xhr.setRequestHeader('accept', 'application/x-ndjson');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => onProgress({ phase: 'uploading', share: e.lengthComputable ? e.loaded / e.total : 0 });
    let seen = 0;
    let result: { type: string; report?: ImportReport; problem?: { detail?: string; title?: string } } | undefined;
    const read = () => {
      const lines = xhr.responseText.slice(seen).split('\n');
      const complete = lines.slice(0, -1);
      seen += complete.reduce((n, l) => n + l.length + 1, 0);
      for (const line of complete) {
        if (!line.trim()) continue;
        const message = JSON.parse(line);
        if (message.type === 'progress')
          onProgress({ phase: message.phase, share: message.total ? message.done / message.total : 0 });
        else result = message;
      }
    };
    xhr.onprogress = read;
    xhr.onload = () => {
      if (xhr.status >= 400) {
        try {
          const problem = JSON.parse(xhr.responseText);
          reject(new Error(problem.detail ?? problem.title));
        } catch {
          reject(new Error(xhr.statusText));
        }
        return;
      }
      read();
      if (result?.type === 'report' && result.report) resolve(result.report);
      else reject(new Error(result?.problem?.detail ?? result?.problem?.title ?? 'The import did not finish.'));
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(file);
  });
}
