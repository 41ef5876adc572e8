import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null;
  /** Excel number format, e.g. '0.00%'. */
  format?: string;
}

/** Cells that a spreadsheet would run as a formula are prefixed with a quote. */
function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A table as CSV, numbers as plain numbers, text protected against formula injection. */
export function toCsv<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  const records = rows.map((row) =>
    columns.map((column) => {
      const value = column.value(row);
      return value === null ? '' : typeof value === 'number' ? String(value) : safeText(value);
    }),
  );
  return stringify([columns.map((c) => c.header), ...records]);
}

/** A table as an XLSX workbook of one sheet, with the notes below it. */
export async function toXlsx<T>(sheet: string, columns: readonly Column<T>[], rows: readonly T[], notes: readonly string[] = []) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Crossroads';
  const worksheet = workbook.addWorksheet(sheet.slice(0, 31));
  worksheet.columns = columns.map((column) => ({
    header: column.header,
    width: Math.max(12, column.header.length + 2),
    ...(column.format ? { style: { numFmt: column.format } } : {}),
  }));
  worksheet.getRow(1).font = { bold: true };
  worksheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) {
    worksheet.addRow(
      columns.map((column) => {
        const value = column.value(row);
        return typeof value === 'string' ? safeText(value) : value;
      }),
    );
  }
  if (notes.length > 0) {
    worksheet.addRow([]);
    for (const note of notes) worksheet.addRow([note]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
