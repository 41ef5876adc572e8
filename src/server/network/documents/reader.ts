import { Worker } from 'node:worker_threads';
import { Problem } from '../../http/problems.js';
import { serverFile } from '../../paths.js';

export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  txt: 'text/plain',
} as const;
export type MediaType = (typeof MEDIA_TYPES)[keyof typeof MEDIA_TYPES];

/** What reading one document may cost. */
export interface DocumentLimits {
  /** Pages of a PDF. */
  maxPages: number;
  /** Files inside a DOCX or ODT container. */
  maxEntries: number;
  /** Uncompressed bytes of one file inside a container. */
  maxEntryBytes: number;
  /** Uncompressed bytes of the whole container. */
  maxTotalBytes: number;
  /** How many times a container's file may expand (only checked above 1 MiB). */
  maxRatio: number;
  /** The reading thread's heap. */
  memoryMb: number;
  /** How long reading may take before it is stopped. */
  timeMs: number;
}

const MiB = 1024 * 1024;

/** Room for long manuals and handbooks, far below what stalls the server. */
export const DOCUMENT_LIMITS: DocumentLimits = {
  maxPages: 2_000,
  maxEntries: 2_000,
  maxEntryBytes: 64 * MiB,
  maxTotalBytes: 96 * MiB,
  maxRatio: 100,
  memoryMb: 384,
  timeMs: 120_000,
};

export interface Probe {
  mediaType: MediaType;
  pages: number | null;
}

export interface Extracted {
  text: string;
  pages: number | null;
  hasTextLayer: boolean | null;
}

type Message<T> =
  | { result: T }
  | { progress: { done: number; total: number } }
  | { refusal: { code: 'payload_too_large' | 'validation' | 'unsupported_media_type'; detail: string } };

function runWorker<T>(
  data: { task: 'probe' | 'extract'; bytes: Buffer; mediaType?: string },
  limits: DocumentLimits,
  onProgress?: (done: number, total: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(serverFile('network/documents/document-worker.mjs'), {
      workerData: { ...data, limits },
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 32 },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(new Problem('payload_too_large', `Reading the document took longer than ${limits.timeMs / 1000} s.`)),
        ),
      limits.timeMs,
    );
    worker.on('message', (message: Message<T>) => {
      if ('progress' in message) onProgress?.(message.progress.done, message.progress.total);
      else if ('result' in message) settle(() => resolve(message.result));
      else settle(() => reject(new Problem(message.refusal.code, message.refusal.detail)));
    });
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new Problem('payload_too_large', 'The document needs more memory to read than the library allows.')
            : error,
        ),
      ),
    );
    worker.once('exit', () =>
      settle(() => reject(new Problem('payload_too_large', 'The document could not be read within the limits of the library.'))),
    );
  });
}

/** What the bytes are (by their content, never their name), or a problem when they are hostile or unreadable. */
export function probeDocument(bytes: Buffer, limits: DocumentLimits = DOCUMENT_LIMITS): Promise<Probe> {
  return runWorker<Probe>({ task: 'probe', bytes }, limits);
}

/** The text of a document already probed, reporting pages read as it goes. */
export function extractText(
  bytes: Buffer,
  mediaType: string,
  onProgress?: (done: number, total: number) => void,
  limits: DocumentLimits = DOCUMENT_LIMITS,
): Promise<Extracted> {
  return runWorker<Extracted>({ task: 'extract', bytes, mediaType }, limits, onProgress);
}

/** The largest file the library accepts. */
export const MAX_UPLOAD_BYTES = 25 * MiB;
