import type { FieldError } from '../../http/problems.js';

/** The day the statement's returns began: the first report's cumulative figures count from here. */
export const STATEMENT_START = '2016-03-20';

/** The columns of the published table; the first four are required. */
export const COLUMNS = {
  asOf: 'as_of',
  resettled: 'syrians_resettled_from_turkey_cumulative',
  returns: 'returns_to_turkey_cumulative',
  approximate: 'approximate',
  source: 'source_document',
  sourceUrl: 'source_url',
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['asOf', 'resettled', 'returns', 'source'];

/** One report of the cumulative figures, as read from a row of the file. */
export interface CumulativeReport {
  row: number;
  asOf: string;
  resettled: number;
  returns: number;
  approximate: boolean;
  source: string;
  sourceUrl: string;
}

/** One month of the scheme: what happened between the previous report and this one. */
export interface MonthlyFigure {
  month: string;
  returns: number;
  resettled: number;
  approximate: boolean;
  coversFrom: string;
  reportedOn: string;
  source: string;
  sourceUrl: string;
}

const YES = new Set(['yes', 'y', 'true', '1', 'oui', 'ja', 'sí', 'si', 'да']);
const NO = new Set(['', 'no', 'n', 'false', '0', 'non', 'nein', 'нет']);

function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A count as published: digits, perhaps with thousands separators. */
function countOf(text: string): number | null {
  const plain = text.replace(/[\s,\u00a0\u202f]/g, '');
  return /^\d{1,9}$/.test(plain) ? Number(plain) : null;
}

/**
 * Reads the published table's rows: every bad cell is an error naming its row (as a spreadsheet
 * numbers it) and column, as a JSON pointer `/rows/<row>/<column>`.
 */
export function readReports(cells: string[][]): { reports: CumulativeReport[]; errors: FieldError[] } {
  const header = (cells[0] ?? []).map((c) => c.trim().toLowerCase());
  const index = Object.fromEntries(
    (Object.keys(COLUMNS) as Column[]).map((column) => [column, header.indexOf(COLUMNS[column])]),
  ) as Record<Column, number>;
  const missing = REQUIRED.filter((column) => index[column] < 0);
  if (missing.length > 0) {
    return {
      reports: [],
      errors: missing.map((column) => ({
        pointer: `/columns/${COLUMNS[column]}`,
        message: `The first row has no column “${COLUMNS[column]}”.`,
      })),
    };
  }
  const reports: CumulativeReport[] = [];
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  for (let i = 1; i < cells.length; i++) {
    const line = cells[i] ?? [];
    if (line.every((c) => c.trim() === '')) continue;
    const row = i + 1;
    const cell = (column: Column) => (index[column] >= 0 ? String(line[index[column]] ?? '').trim() : '');
    const fail = (column: Column, message: string) => errors.push({ pointer: `/rows/${row}/${COLUMNS[column]}`, message });
    const asOf = cell('asOf');
    const resettled = countOf(cell('resettled'));
    const returns = countOf(cell('returns'));
    const approximate = cell('approximate').toLowerCase();
    const before = errors.length;
    if (!isDay(asOf)) fail('asOf', `Row ${row}: “${asOf}” is not a date (YYYY-MM-DD).`);
    else if (asOf < STATEMENT_START)
      fail('asOf', `Row ${row}: ${asOf} is before the statement took effect (${STATEMENT_START}).`);
    else if (seen.has(asOf)) fail('asOf', `Row ${row}: ${asOf} was already reported on row ${seen.get(asOf)}.`);
    if (resettled === null) fail('resettled', `Row ${row}: “${cell('resettled')}” is not a whole number of persons.`);
    if (returns === null) fail('returns', `Row ${row}: “${cell('returns')}” is not a whole number of persons.`);
    if (!YES.has(approximate) && !NO.has(approximate))
      fail('approximate', `Row ${row}: say “yes” or “no”, not “${approximate}”.`);
    if (!cell('source')) fail('source', `Row ${row}: name the document the figures come from.`);
    if (errors.length > before || resettled === null || returns === null) continue;
    seen.set(asOf, row);
    reports.push({
      row,
      asOf,
      resettled,
      returns,
      approximate: YES.has(approximate),
      source: cell('source'),
      sourceUrl: cell('sourceUrl'),
    });
  }
  return { reports, errors };
}

/**
 * Cumulative figures at report dates, made monthly: the increase between two reports is assigned to
 * the month of the later one (the first report counts from the statement), flagged approximate when
 * the report says so. Two reports in one month add up; a figure that falls is an error on its row.
 */
export function monthlyIncrements(reports: readonly CumulativeReport[]): { months: MonthlyFigure[]; errors: FieldError[] } {
  const sorted = [...reports].sort((a, b) => a.asOf.localeCompare(b.asOf));
  const months = new Map<string, MonthlyFigure>();
  const errors: FieldError[] = [];
  let previous = { asOf: STATEMENT_START, resettled: 0, returns: 0 };
  for (const report of sorted) {
    if (report.resettled < previous.resettled) {
      errors.push({
        pointer: `/rows/${report.row}/${COLUMNS.resettled}`,
        message: `Row ${report.row}: ${report.resettled} resettled is fewer than the ${previous.resettled} reported on ${previous.asOf}.`,
      });
    }
    if (report.returns < previous.returns) {
      errors.push({
        pointer: `/rows/${report.row}/${COLUMNS.returns}`,
        message: `Row ${report.row}: ${report.returns} returns is fewer than the ${previous.returns} reported on ${previous.asOf}.`,
      });
    }
    const month = `${report.asOf.slice(0, 7)}-01`;
    const known = months.get(month);
    months.set(month, {
      month,
      returns: (known?.returns ?? 0) + report.returns - previous.returns,
      resettled: (known?.resettled ?? 0) + report.resettled - previous.resettled,
      approximate: (known?.approximate ?? false) || report.approximate,
      coversFrom: known?.coversFrom ?? previous.asOf,
      reportedOn: report.asOf,
      source: report.source,
      sourceUrl: report.sourceUrl,
    });
    previous = report;
  }
  errors.sort((a, b) => a.pointer.localeCompare(b.pointer, undefined, { numeric: true }));
  return { months: [...months.values()], errors };
}
