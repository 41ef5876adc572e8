// The cells of an XLSX workbook's first sheet as text, read as a stream: the sheet's XML is parsed
// while it is inflated, so neither the XML nor a workbook model is ever held whole, and reading
// stops at the row limit. Values read as the platform always read them: numbers as JavaScript
// prints them, dates (by their number format) as YYYY-MM-DD, booleans as true/false, errors empty.
// Plain JavaScript: it runs in the sheet worker both from the sources and from the build.
import { StringDecoder } from 'node:string_decoder';
import { Parser } from 'htmlparser2';
import { inflateEntry, SheetRefusal, zipEntries } from './zip.mjs';

/** Built-in number formats that are dates or times (ECMA-376 18.8.30). */
const BUILT_IN_FORMATS = {
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
};

function isDateFormat(code) {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const local = (name) => name.slice(name.indexOf(':') + 1);

/** Streams one entry's XML through a SAX parser with the given handlers. */
async function parseEntry(bytes, entry, handlers) {
  const parser = new Parser(
    {
      onopentag: (name, attributes) => handlers.open?.(local(name), attributes),
      ontext: (text) => handlers.text?.(text),
      onclosetag: (name) => handlers.close?.(local(name)),
    },
    { xmlMode: true, decodeEntities: true },
  );
  const decoder = new StringDecoder('utf8');
  await inflateEntry(bytes, entry, (chunk) => parser.write(decoder.write(chunk)));
  parser.end(decoder.end());
}

function resolvePart(base, target) {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

/** Column number (0-based) of a cell reference such as "AB12". */
function columnOf(reference) {
  let column = 0;
  for (const ch of reference) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column - 1;
}

const MAX_COLUMNS = 16384;

/**
 * The first sheet's rows, each at the index of its row number less one; rows without any cell are
 * empty arrays.
 * @param {Buffer} bytes
 * @param {{ maxEntries: number, maxEntryBytes: number, maxTotalBytes: number, maxRatio: number, maxRows: number }} limits
 * @returns {Promise<string[][]>}
 */
export async function xlsxCells(bytes, limits) {
  const entries = zipEntries(bytes, limits);
  const part = (name) => entries.get(name);

  let date1904 = false;
  let firstSheetId;
  const workbook = part('xl/workbook.xml');
  if (!workbook) throw new SheetRefusal('validation', 'The file is not a readable XLSX workbook.');
  await parseEntry(bytes, workbook, {
    open(name, a) {
      if (name === 'workbookPr' && (a.date1904 === '1' || a.date1904 === 'true')) date1904 = true;
      if (name === 'sheet' && firstSheetId === undefined) firstSheetId = a['r:id'] ?? a.id;
    },
  });
  if (firstSheetId === undefined) throw new SheetRefusal('validation', 'The workbook has no sheet.');

  let sheetPath = 'xl/worksheets/sheet1.xml';
  const rels = part('xl/_rels/workbook.xml.rels');
  if (rels) {
    await parseEntry(bytes, rels, {
      open(name, a) {
        if (name === 'Relationship' && a.Id === firstSheetId && a.Target) sheetPath = resolvePart('xl/workbook.xml', a.Target);
      },
    });
  }
  const sheet = part(sheetPath);
  if (!sheet) throw new SheetRefusal('validation', 'The workbook has no sheet.');

  const dateStyles = await readDateStyles(bytes, part('xl/styles.xml'));
  const shared = await readSharedStrings(bytes, part('xl/sharedStrings.xml'));
  return readSheetRows(bytes, sheet, { dateStyles, shared, date1904, maxRows: limits.maxRows });
}

async function readDateStyles(bytes, entry) {
  const dates = [];
  if (!entry) return dates;
  const custom = new Map();
  let inCellXfs = false;
  await parseEntry(bytes, entry, {
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode);
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        dates.push(id !== 0 && isDateFormat(custom.get(id) ?? BUILT_IN_FORMATS[id]));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return dates;
}

async function readSharedStrings(bytes, entry) {
  const strings = [];
  if (!entry) return strings;
  let current = null;
  let inText = false;
  let inPhonetic = false;
  await parseEntry(bytes, entry, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && !inPhonetic) inText = true;
    },
    text(text) {
      if (inText && current !== null) current += text;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') {
        strings.push(current ?? '');
        current = null;
      }
    },
  });
  return strings;
}

function excelDate(serial, date1904) {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
}

async function readSheetRows(bytes, entry, { dateStyles, shared, date1904, maxRows }) {
  const rows = [];
  let rowNumber = 0;
  let row = null;
  let cell = null;
  let text = null;
  const tooManyRows = () =>
    new SheetRefusal('payload_too_large', `The sheet has more than ${maxRows} rows, the most an import accepts.`);

  const cellValue = () => {
    const { type, value, inline, style } = cell;
    if (type === 'inlineStr') return inline;
    if (value === undefined) return '';
    if (type === 's') return shared[Number(value)] ?? '';
    if (type === 'str' || type === 'd') return type === 'd' ? value.slice(0, 10) : value;
    if (type === 'e') return '';
    if (type === 'b') return value === '1' || value === 'true' ? 'true' : 'false';
    const number = Number(value);
    if (Number.isNaN(number)) return value;
    return dateStyles[style] ? excelDate(number, date1904) : String(number);
  };

  await parseEntry(bytes, entry, {
    open(name, a) {
      if (name === 'row') {
        rowNumber = a.r ? Number(a.r) : rowNumber + 1;
        if (!Number.isInteger(rowNumber) || rowNumber < 1) throw new SheetRefusal('validation', 'The sheet has a damaged row.');
        if (rowNumber > maxRows) throw tooManyRows();
        row = [];
      } else if (name === 'c' && row) {
        const column = a.r ? columnOf(a.r) : row.length;
        if (column < 0 || column >= MAX_COLUMNS) throw new SheetRefusal('validation', 'The sheet has a damaged cell reference.');
        cell = { column, type: a.t ?? 'n', style: Number(a.s ?? 0), value: undefined, inline: '' };
      } else if (cell && (name === 'v' || (name === 't' && cell.type === 'inlineStr'))) {
        text = '';
      }
    },
    text(chunk) {
      if (text !== null) text += chunk;
    },
    close(name) {
      if (name === 'v' && cell && text !== null) {
        cell.value = text;
        text = null;
      } else if (name === 't' && cell && text !== null) {
        cell.inline += text;
        text = null;
      } else if (name === 'c' && cell && row) {
        const value = cellValue();
        if (value !== '') {
          while (row.length < cell.column) row.push('');
          row[cell.column] = value;
        }
        cell = null;
      } else if (name === 'row' && row) {
        while (rows.length < rowNumber - 1) rows.push([]);
        rows[rowNumber - 1] = row;
        row = null;
      }
    },
  });
  return rows;
}
