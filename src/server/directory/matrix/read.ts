import { readSheetCells, type SheetFormat } from '../../files/sheet-reader.js';
import { unguardCell } from '../../files/sheet-writer.js';
import { Problem } from '../../http/problems.js';
import { COLUMNS, FIELDS, type Field, fieldOfHashtag, fieldOfLabel, isHashtagRow, sameLabel } from './columns.js';

export interface SheetRow {
  /** The row's number as a spreadsheet shows it (the first header is row 1). */
  row: number;
  values: Partial<Record<Field, string>>;
}

export interface Sheet {
  format: SheetFormat;
  /** How the columns were recognised. */
  recognisedBy: 'hxl' | 'mapping' | 'labels';
  columns: Partial<Record<Field, number>>;
  rows: SheetRow[];
}

/** An export's guard against formulas is taken off again, so a file exported and re-imported is unchanged. */
const unquote = (value: string) => unguardCell(value).trim();

/**
 * Reads a 3W sheet: the first row holds labels; a second row of HXL hashtags, when present, says
 * what each column is. Without one, a mapping (field → label) or the usual labels do.
 */
export async function readSheet(
  bytes: Buffer,
  format: SheetFormat | undefined,
  mapping?: Partial<Record<Field, string>>,
): Promise<Sheet> {
  const { format: found, cells } = await readSheetCells(bytes, { format });
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
  return { format: found, recognisedBy, columns, rows };
}
