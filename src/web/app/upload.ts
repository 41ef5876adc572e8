export interface UploadProgress {
  /** `uploading`, then the phases the import route names in its progress lines. */
  phase: string;
  share: number;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends a file (CSV or XLSX, by its name) to an import route under /api and follows its progress:
 * the upload's bytes, then the server's progress lines (application/x-ndjson), ending with the
 * report or a problem.
 */
export function uploadWithProgress<Report>(
  path: string,
  file: File,
  csrfToken: string,
  onProgress: (p: UploadProgress) => void,
): Promise<Report> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.setRequestHeader('content-type', file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv');
    xhr.setRequestHeader('accept', 'application/x-ndjson');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => onProgress({ phase: 'uploading', share: e.lengthComputable ? e.loaded / e.total : 0 });
    let seen = 0;
    let result: { type: string; report?: Report; problem?: { detail?: string; title?: string } } | undefined;
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
