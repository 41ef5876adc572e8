import type { Attachment } from '../files/attachment.js';
import { type SheetColumn as Column, tableCsv, tableXlsx } from '../files/sheet-writer.js';
import type { ExportFormat } from './schemas.js';

export type ExportFile = Attachment;
export type { Column };

/** The notes under the table, after an empty line, one to a line, as a workbook has them under its cells. */
function csvWithNotes(table: string, notes: string[]): string {
  if (notes.length === 0) return table;
  const text = table.endsWith('\n') ? table : `${table}\n`;
  return `${text}\n${tableCsv([{ header: 'note', value: (note: string) => note }], notes)}`;
}

/** A table as a dated CSV or XLSX file named after what it holds; the notes go on the workbook. */
export async function renderTable<T>(
  format: ExportFormat,
  name: string,
  columns: Column<T>[],
  rows: T[],
  notes: string[],
): Promise<ExportFile> {
  const stamp = new Date().toISOString().slice(0, 10);
  const filename = `crossroads-${name}-${stamp}.${format}`;
  return {
    kind: format,
    filename,
    body: format === 'csv' ? csvWithNotes(tableCsv(columns, rows), notes) : await tableXlsx(name, columns, rows, notes),
  };
}
