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

/** The spreadsheet name of the n-th column (0 is A, 26 is AA). */
const columnName = (n) => (n < 26 ? '' : columnName(Math.floor(n / 26) - 1)) + String.fromCharCode(65 + (n % 26));

/**
 * No text the database stores can hold U+0000: a cell with one is refused here, by its place, rather
 * than failing its import in the database. A CSV file saved as UTF-16 is full of them.
 */
function refuseNul(cells) {
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r];
    for (let c = 0; c < row.length; c++) {
      if (row[c].includes('\u0000')) {
        throw new SheetRefusal(
          'validation',
          `Row ${r + 1}, column ${columnName(c)} holds a NUL character, which no text may hold. Save the file again as CSV (UTF-8) or XLSX.`,
        );
      }
    }
  }
  return cells;
}

async function read({ bytes, format, limits }) {
  let data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isGzip(data)) data = gunzipBounded(data, limits);
  const kind = format ?? (isZip(data) ? 'xlsx' : 'csv');
  return { format: kind, cells: refuseNul(kind === 'xlsx' ? await xlsxCells(data, limits) : csvCells(data, limits)) };
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
