// Reads a spreadsheet sent for import on its own thread, under a memory limit set by whoever starts
// it: a file made to expand or to take long stalls or exhausts this thread, never the server's
// event loop. Plain JavaScript so that the same file runs from the sources (tests) and from the build.
import { parentPort, workerData } from 'node:worker_threads';
import { parse } from 'csv-parse/sync';
import { xlsxCells } from './xlsx-cells.mjs';
import { gunzipBounded, SheetRefusal } from './zip.mjs';

const isZip = (b) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isGzip = (b) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

function csvCells(bytes, limits) {
  let rows;
  try {
    rows = parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: false, to: limits.maxRows + 1 });
  } catch (error) {
    throw new SheetRefusal('validation', `The CSV file could not be read: ${error.message}`);
  }
  if (rows.length > limits.maxRows) {
    throw new SheetRefusal('payload_too_large', `The sheet has more than ${limits.maxRows} rows, the most an import accepts.`);
  }
  return rows;
}

async function read({ bytes, format, limits }) {
  let data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isGzip(data)) data = gunzipBounded(data, limits);
  const kind = format ?? (isZip(data) ? 'xlsx' : 'csv');
  return { format: kind, cells: kind === 'xlsx' ? await xlsxCells(data, limits) : csvCells(data, limits) };
}

read(workerData)
  .then((sheet) => parentPort.postMessage({ sheet }))
  .catch((error) =>
    parentPort.postMessage(
      error instanceof SheetRefusal
        ? { refusal: { code: error.code, detail: error.message } }
        : { refusal: { code: 'validation', detail: 'The file could not be read as a spreadsheet.' } },
    ),
  );
