/**
 * The fixed tables of the public hate-incident statistics, and the linear relations between their
 * figures that anyone holding all of them can use: a country's years add up to the country's
 * total, a year's countries (or types, or motivations) add up to the year's total, and so on.
 * The disclosure control (suppress.ts) reasons about exactly these relations.
 */

/** Each fixed table crosses one of these with the year. */
export const TABLE_DIMENSIONS = ['country', 'incidentType', 'biasMotivation', 'target'] as const;
export type TableDimension = (typeof TABLE_DIMENSIONS)[number];

/** Exact counts of verified incidents in the fixed tables; never published as they are. */
export interface ExactTables {
  years: number[];
  rows: Record<TableDimension, string[]>;
  /** cells[dimension][row][year index] */
  cells: Record<TableDimension, number[][]>;
  /** Each row across every year. */
  rowTotals: Record<TableDimension, number[]>;
  /** Incidents per year (the same in every table: an incident has one country, type and motivation). */
  yearTotals: number[];
  total: number;
}

/** One figure of the tables (a cell, a margin or the grand total) and its exact count. */
export interface Figure {
  exact: number;
  /** Margins are suppressed only when no cell will do: they are the figures most people read. */
  margin: boolean;
}

export interface Relation {
  terms: Array<[figure: number, coefficient: number]>;
  sense: '=' | '>=' | '<=';
  rhs: number;
}

/** Where each figure of the tables is in the flat list the solver works on. */
export interface Layout {
  total: number;
  yearTotal: (year: number) => number;
  rowTotal: (dimension: TableDimension, row: number) => number;
  cell: (dimension: TableDimension, row: number, year: number) => number;
}

/**
 * Every figure of the tables and every relation between them. An incident may have several
 * targets, so a year's targets add up to at least the year's incidents (not exactly), and each
 * target cell is at most its year's total.
 */
export function linearModel(exact: ExactTables): { figures: Figure[]; relations: Relation[]; layout: Layout } {
  const figures: Figure[] = [{ exact: exact.total, margin: true }];
  const yearStart = figures.length;
  for (const n of exact.yearTotals) figures.push({ exact: n, margin: true });
  const rowStart = {} as Record<TableDimension, number>;
  const cellStart = {} as Record<TableDimension, number>;
  const years = exact.years.length;
  for (const d of TABLE_DIMENSIONS) {
    rowStart[d] = figures.length;
    for (const n of exact.rowTotals[d]) figures.push({ exact: n, margin: true });
    cellStart[d] = figures.length;
    for (const row of exact.cells[d]) for (const n of row) figures.push({ exact: n, margin: false });
  }
  const layout: Layout = {
    total: 0,
    yearTotal: (y) => yearStart + y,
    rowTotal: (d, r) => rowStart[d] + r,
    cell: (d, r, y) => cellStart[d] + r * years + y,
  };
  const relations: Relation[] = [];
  const sum = (members: number[], whole: number, sense: Relation['sense'] = '='): Relation => ({
    terms: [...members.map((m) => [m, 1] as [number, number]), [whole, -1]],
    sense,
    rhs: 0,
  });
  const yearIndexes = exact.years.map((_, y) => y);
  relations.push(sum(yearIndexes.map(layout.yearTotal), layout.total));
  for (const d of TABLE_DIMENSIONS) {
    const rows = exact.rows[d].map((_, r) => r);
    for (const r of rows)
      relations.push(
        sum(
          yearIndexes.map((y) => layout.cell(d, r, y)),
          layout.rowTotal(d, r),
        ),
      );
    if (d === 'target') {
      for (const y of yearIndexes) {
        relations.push(
          sum(
            rows.map((r) => layout.cell(d, r, y)),
            layout.yearTotal(y),
            '>=',
          ),
        );
        for (const r of rows) relations.push(sum([layout.cell(d, r, y)], layout.yearTotal(y), '<='));
      }
      for (const r of rows) relations.push(sum([layout.rowTotal(d, r)], layout.total, '<='));
      relations.push(
        sum(
          rows.map((r) => layout.rowTotal(d, r)),
          layout.total,
          '>=',
        ),
      );
    } else {
      for (const y of yearIndexes)
        relations.push(
          sum(
            rows.map((r) => layout.cell(d, r, y)),
            layout.yearTotal(y),
          ),
        );
      relations.push(
        sum(
          rows.map((r) => layout.rowTotal(d, r)),
          layout.total,
        ),
      );
    }
  }
  return { figures, relations, layout };
}

/** The smallest count published as a number; 0 to 4 are never published. */
export const THRESHOLD = 5;

/** A count as published when it is not suppressed: rounded to the nearest multiple of 5. */
export function rounded(count: number): number {
  return Math.round(count / 5) * 5;
}

/** What a published (rounded) figure tells about its count: 5 is 5–7, any other v is v−2 to v+2. */
export function roundingInterval(value: number): [number, number] {
  return [value === THRESHOLD ? THRESHOLD : value - 2, value + 2];
}
