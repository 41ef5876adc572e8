import { SHEET_LIMITS } from '../../files/sheet-reader.js';
import { Problem } from '../../http/problems.js';

/** The most columns a table in JSON may have: more is not a table of observations. */
const MAX_COLUMNS = 500;

/** Whether the bytes are JSON rather than a sheet: they begin, after a byte-order mark and spaces, with `{` or `[`. */
export function looksLikeJson(bytes: Buffer): boolean {
  for (let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
    return byte === 0x7b || byte === 0x5b;
  }
  return false;
}

function cell(value: unknown, row: number, key: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Problem('validation', `Row ${row} of the JSON holds a nested value in “${key}”: a table has one value per column.`);
}

/**
 * A table in JSON as a sheet's cells, its header first: the rows are a list of flat objects, or the
 * `items` of an object, as UNHCR's population statistics API answers (`{ page, maxPages, items }`).
 * The columns are the keys in the order they first appear. An answer that is one page of several is
 * refused, so that a scheduled feed never imports part of a table as if it were all of it.
 */
export function jsonCells(bytes: Buffer, maxRows = SHEET_LIMITS.maxRows): string[][] {
  // Every row is an object or a list: counting their openings first bounds what parsing allocates,
  // so that a file of millions of tiny values is refused before it is parsed, as a sheet would be.
  let openings = 0;
  for (const byte of bytes) if (byte === 0x7b || byte === 0x5b) openings++;
  if (openings > maxRows + 2) {
    throw new Problem('payload_too_large', `The JSON has more than ${maxRows} rows, the most an import accepts.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw new Problem('validation', 'The file is not valid JSON.');
  }
  const wrapper =
    !Array.isArray(value) && typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  const items = Array.isArray(value) ? value : wrapper?.items;
  if (!Array.isArray(items)) {
    throw new Problem(
      'validation',
      'The JSON holds no table: send a list of rows, or an object with its rows in “items”, as UNHCR’s API answers.',
    );
  }
  const pages = Number(wrapper?.maxPages ?? 1);
  if (pages > 1) {
    throw new Problem(
      'validation',
      `The answer is one page of ${pages}: raise its limit so that one page holds the whole table.`,
    );
  }
  const columns: string[] = [];
  const known = new Set<string>();
  items.forEach((item, i) => {
    const row = i + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new Problem('validation', `Row ${row} of the JSON is not an object of columns and values.`);
    }
    for (const key of Object.keys(item)) {
      if (known.has(key)) continue;
      if (columns.length >= MAX_COLUMNS) throw new Problem('validation', `The JSON has more than ${MAX_COLUMNS} columns.`);
      known.add(key);
      columns.push(key);
    }
  });
  return [columns, ...items.map((item, i) => columns.map((key) => cell((item as Record<string, unknown>)[key], i + 1, key)))];
}
