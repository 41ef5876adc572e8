import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';

/**
 * The one way a table leaves the platform as CSV or XLSX. Every text cell passes `guardCell`, so a
 * value someone typed (an anonymous report's place, a rule's name, an organisation's title) never
 * runs as a formula when the file is opened in a spreadsheet.
 */

export type Cell = string | number | boolean | Date | null | undefined;

/** The characters that make a spreadsheet read a cell as a formula or a command (OWASP). */
const DANGEROUS = /^[=+\-@\t\r]/;

/**
 * A plain decimal number such as -12.5 or -1e-7: a spreadsheet reads it as that number and nothing
 * else, so it is left as it is even though it starts with a minus. Anything more (-1+2, -A1) is text.
 */
const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Text that a spreadsheet would run as a formula, prefixed with a quote so it is shown as typed. */
export function guardCell(text: string): string {
  return DANGEROUS.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** Undoes `guardCell`, for imports of files the platform exported. */
export function unguardCell(text: string): string {
  return text.startsWith("'") && DANGEROUS.test(text.slice(1)) ? text.slice(1) : text;
}

/** Whether a cell of a written CSV could run as a formula: the check the export tests make. */
export function isUnguarded(text: string): boolean {
  return DANGEROUS.test(text) && !PLAIN_NUMBER.test(text);
}

function csvText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString();
  return guardCell(value);
}

/** Rows as CSV text (RFC 4180), every cell guarded; with `bom`, Excel reads it as UTF-8. */
export function csvOf(rows: readonly (readonly Cell[])[], options: { bom?: boolean } = {}): string {
  return stringify(
    rows.map((row) => row.map(csvText)),
    { bom: options.bom ?? false },
  );
}

export interface SheetColumn<T> {
  header: string;
  value: (row: T) => string | number | null;
  /** Excel number format, e.g. '0.00%'. */
  format?: string;
}

/** A table of typed columns as CSV: numbers as plain numbers, text guarded. */
export function tableCsv<T>(columns: readonly SheetColumn<T>[], rows: readonly T[]): string {
  return csvOf([columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => c.value(row)))]);
}

export interface XlsxSheet {
  name: string;
  /** Header rows, shown bold (the first) and italic (a HXL row under it), and frozen. */
  header: readonly (readonly string[])[];
  rows: readonly (readonly Cell[])[];
  /** Number formats and widths by column. */
  columns?: readonly { format?: string | undefined; width?: number | undefined }[];
  /** Lines of text under the table. */
  notes?: readonly string[];
}

/**
 * A workbook of one sheet. Numbers stay numbers (they cannot hold a formula); text is guarded
 * here too, because people save such files as CSV and open them again.
 */
export async function xlsxOf(sheet: XlsxSheet): Promise<Buffer> {
  // Loaded on the first export rather than at start: the library is the heaviest the server uses.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Crossroads';
  const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: sheet.header.length }],
  });
  const cell = (value: Cell): ExcelJS.CellValue =>
    typeof value === 'string' ? guardCell(value) : typeof value === 'number' && !Number.isFinite(value) ? null : (value ?? null);
  sheet.header.forEach((row, index) => {
    worksheet.addRow(row.map(guardCell)).font = index === 0 ? { bold: true } : { italic: true, color: { argb: 'FF555555' } };
  });
  for (const row of sheet.rows) worksheet.addRow(row.map(cell));
  const widthOf = (index: number) => Math.min(60, Math.max(12, (sheet.header[0]?.[index]?.length ?? 10) + 4));
  worksheet.columns.forEach((column, index) => {
    const spec = sheet.columns?.[index];
    column.width = spec?.width ?? widthOf(index);
    if (spec?.format) column.numFmt = spec.format;
  });
  if (sheet.notes && sheet.notes.length > 0) {
    worksheet.addRow([]);
    for (const note of sheet.notes) worksheet.addRow([guardCell(note)]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A table of typed columns as a workbook of one sheet, with notes under it. */
export function tableXlsx<T>(
  name: string,
  columns: readonly SheetColumn<T>[],
  rows: readonly T[],
  notes: readonly string[] = [],
) {
  return xlsxOf({
    name,
    header: [columns.map((c) => c.header)],
    rows: rows.map((row) => columns.map((c) => c.value(row))),
    columns: columns.map((c) => ({ format: c.format, width: Math.max(12, c.header.length + 2) })),
    notes,
  });
}

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
