import { Worker } from 'node:worker_threads';
import { Problem } from '../http/problems.js';
import { serverFile } from '../paths.js';

export type SheetFormat = 'csv' | 'xlsx';

/** What an imported spreadsheet may cost to read. */
export interface SheetLimits {
  /** Files inside an XLSX workbook. */
  maxEntries: number;
  /** Uncompressed bytes of one file inside a workbook. */
  maxEntryBytes: number;
  /** Uncompressed bytes of the whole workbook, or of a gzipped file. */
  maxTotalBytes: number;
  /** How many times a workbook's file may expand (only checked above 1 MiB). */
  maxRatio: number;
  /** Rows of the sheet, counted by row number. */
  maxRows: number;
  /** The reading thread's heap. */
  memoryMb: number;
  /** How long reading may take before it is stopped. */
  timeMs: number;
}

const MiB = 1024 * 1024;

/**
 * Room for the largest real imports (the full UNHCR population table: 10 MB, 140 000 rows) with
 * a wide margin, and far below what stalls the server.
 */
export const SHEET_LIMITS: SheetLimits = {
  maxEntries: 2_000,
  maxEntryBytes: 128 * MiB,
  maxTotalBytes: 160 * MiB,
  maxRatio: 100,
  maxRows: 500_000,
  memoryMb: 512,
  timeMs: 30_000,
};

/** At most this many sheets are read at once; the others wait their turn. */
const PARALLEL = 2;
const QUEUE = 16;
let running = 0;
const waiting: Array<() => void> = [];

async function turn(): Promise<() => void> {
  if (running >= PARALLEL) {
    if (waiting.length >= QUEUE) throw new Problem('unavailable', 'Too many spreadsheets are being read; try again shortly.');
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/** Whether the bytes are a ZIP container (XLSX) rather than text. */
export function sniffSheet(bytes: Buffer): SheetFormat {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? 'xlsx' : 'csv';
}

export interface SheetCells {
  /** What the file turned out to be. */
  format: SheetFormat;
  /** Row n at index n - 1, each cell as text. */
  cells: string[][];
}

type Outcome = { sheet: SheetCells } | { refusal: { code: 'payload_too_large' | 'validation'; detail: string } };

/**
 * The cells of a CSV file, or of an XLSX workbook's first sheet, as text; the format is found
 * from the bytes when not given.
 * Gzipped files are inflated first. Read on a worker thread under `limits`, so a file made to
 * expand is refused with a problem and the server keeps answering meanwhile.
 */
export async function readSheetCells(
  bytes: Buffer,
  options: { format?: SheetFormat | undefined; limits?: Partial<SheetLimits> } = {},
): Promise<SheetCells> {
  const limits = { ...SHEET_LIMITS, ...options.limits };
  const release = await turn();
  try {
    const outcome = await new Promise<Outcome>((resolve, reject) => {
      const worker = new Worker(serverFile('files/sheet-worker.mjs'), {
        workerData: { bytes, format: options.format, limits },
        resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 32 },
      });
      const timer = setTimeout(() => {
        void worker.terminate();
        reject(
          new Problem('payload_too_large', `Reading the sheet took longer than ${limits.timeMs / 1000} s, the most allowed.`),
        );
      }, limits.timeMs);
      worker.once('message', (message: Outcome) => {
        clearTimeout(timer);
        void worker.terminate();
        resolve(message);
      });
      worker.once('error', (error: Error & { code?: string }) => {
        clearTimeout(timer);
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new Problem('payload_too_large', 'The sheet needs more memory to read than an import may use.')
            : error,
        );
      });
      worker.once('exit', () => {
        clearTimeout(timer);
        reject(new Problem('payload_too_large', 'The sheet could not be read within the limits of an import.'));
      });
    });
    if ('refusal' in outcome) throw new Problem(outcome.refusal.code, outcome.refusal.detail);
    return outcome.sheet;
  } finally {
    release();
  }
}
