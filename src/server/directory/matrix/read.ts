import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Problem } from '../../http/problems.js';
import { COLUMNS, FIELDS, type Field, fieldOfHashtag, fieldOfLabel, isHashtagRow, sameLabel } from './columns.js';

export type SheetFormat = 'csv' | 'xlsx';

export interface SheetRow {
  /** The row's number as a spreadsheet shows it (the first header is row 1). */
  row: number;
  values: Partial<Record<Field, string>>;
}

export interface Sheet {
  /** How the columns were recognised. */
  recognisedBy: 'hxl' | 'mapping' | 'labels';
  columns: Partial<Record<Field, number>>;
  rows: SheetRow[];
}

/** Whether the bytes are a ZIP container (XLSX) rather than text. */
export function sniffFormat(bytes: Buffer): SheetFormat {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? 'xlsx' : 'csv';
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

async function readCells(bytes: Buffer, format: SheetFormat): Promise<string[][]> {
  if (format === 'csv') {
    try {
      return parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    } catch (error) {
      throw new Problem('validation', `The CSV file could not be read: ${(error as Error).message}`);
    }
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new Problem('validation', 'The file is not a readable XLSX workbook.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Problem('validation', 'The workbook has no sheet.');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[];
    rows[number - 1] = values.slice(1).map(cellText);
  });
  return Array.from(rows, (r) => r ?? []);
}

/** Undoes the quote an export puts before text that a spreadsheet would run as a formula. */
const unquote = (value: string) => (/^'[=+\-@]/.test(value) ? value.slice(1) : value).trim();

/**
 * Reads a 3W sheet: the first row holds labels; a second row of HXL hashtags, when present, says
 * what each column is. Without one, a mapping (field → label) or the usual labels do.
 */
export async function readSheet(bytes: Buffer, format: SheetFormat, mapping?: Partial<Record<Field, string>>): Promise<Sheet> {
  const cells = await readCells(bytes, format);
  const header = (cells[0] ?? []).map((c) => c.trim());
  if (header.every((c) => c === '')) throw new Problem('validation', 'The first row must hold the column labels.');
  const columns: Partial<Record<Field, number>> = {};
  let recognisedBy: Sheet['recognisedBy'];
  let firstData = 1;
  if (cells[1] && isHashtagRow(cells[1])) {
    recognisedBy = 'hxl';
    firstData = 2;
    cells[1].forEach((cell, index) => {
      const field = fieldOfHashtag(cell);
      if (field && columns[field] === undefined) columns[field] = index;
    });
  } else if (mapping && Object.keys(mapping).length > 0) {
    recognisedBy = 'mapping';
    for (const [field, label] of Object.entries(mapping) as Array<[Field, string]>) {
      const index = header.findIndex((h) => sameLabel(h, label));
      if (index < 0) throw new Problem('validation', `The mapping names a column “${label}” that the first row does not have.`);
      columns[field] = index;
    }
  } else {
    recognisedBy = 'labels';
    header.forEach((label, index) => {
      const field = fieldOfLabel(label);
      if (field && columns[field] === undefined) columns[field] = index;
    });
  }
  if (columns.countries === undefined && columns.countryNames !== undefined) columns.countries = columns.countryNames;
  const missing = (['title', 'countries'] as const).filter((f) => columns[f] === undefined);
  if (columns.organisation === undefined && columns.organisationCode === undefined) missing.unshift('organisation' as never);
  if (missing.length > 0) {
    const names = missing.map((f) => `${COLUMNS[f].label} (${COLUMNS[f].hxl})`).join(', ');
    throw new Problem('validation', `The sheet has no column for: ${names}. Add a HXL row or map the columns.`);
  }
  const rows: SheetRow[] = [];
  for (let i = firstData; i < cells.length; i++) {
    const line = cells[i] ?? [];
    if (line.every((c) => String(c ?? '').trim() === '')) continue;
    const values: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) {
      const index = columns[field];
      if (index !== undefined) values[field] = unquote(String(line[index] ?? ''));
    }
    rows.push({ row: i + 1, values });
  }
  return { recognisedBy, columns, rows };
}
