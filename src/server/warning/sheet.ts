import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Problem } from '../http/problems.js';

export type SheetFormat = 'csv' | 'xlsx';

/** Whether the bytes are a ZIP container (XLSX) rather than text. */
export function sniffSheet(bytes: Buffer): SheetFormat {
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

/** The cells of a CSV file or of an XLSX workbook's first sheet, as text. */
export async function readCells(bytes: Buffer, format: SheetFormat = sniffSheet(bytes)): Promise<string[][]> {
  if (format === 'csv') {
    try {
      return parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
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
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    rows[number - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
  });
  return Array.from(rows, (r) => r ?? []).filter((r) => r.some((c) => c.trim() !== ''));
}
