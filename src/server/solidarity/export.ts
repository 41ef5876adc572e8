import type { Attachment } from '../files/attachment.js';
import { type SheetColumn as Column, tableCsv, tableXlsx } from '../files/sheet-writer.js';
import type { ExportFormat } from './schemas.js';

export type ExportFile = Attachment;
export type { Column };

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
    body: format === 'csv' ? tableCsv(columns, rows) : await tableXlsx(name, columns, rows, notes),
  };
}
