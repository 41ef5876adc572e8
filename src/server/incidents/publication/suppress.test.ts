import { describe, expect, it } from 'vitest';
import { type ExactTables, linearModel, TABLE_DIMENSIONS } from './model.js';
import { decideSuppression, exposedFigures, type LpSolver } from './suppress.js';

interface Solver {
  solve(lp: string, options: object): { Status: string; ObjectiveValue: number; Columns?: Record<string, { Primal: number }> };
}
const highs = ((await import('highs')) as unknown as { default: () => Promise<Solver> }).default();
const solve: LpSolver = async (lp) => {
  const r = (await highs).solve(lp, { output_flag: false });
  const columns: Record<string, number> = {};
  for (const [name, column] of Object.entries(r.Columns ?? {})) columns[name] = column.Primal;
  return { status: r.Status, objective: r.ObjectiveValue, columns };
};

/** Tables of one dimension that matters (country) and one row for every other dimension. */
function tables(countries: number[][]): ExactTables {
  const years = countries[0]?.map((_, y) => 2020 + y) ?? [];
  const yearTotals = years.map((_, y) => countries.reduce((s, row) => s + (row[y] ?? 0), 0));
  const total = yearTotals.reduce((a, b) => a + b, 0);
  const single = { rows: ['all'], cells: [yearTotals], rowTotals: [total] };
  const exact: ExactTables = {
    years,
    rows: {
      country: countries.map((_, i) => `C${i}`),
      incidentType: single.rows,
      biasMotivation: single.rows,
      target: single.rows,
    },
    cells: { country: countries, incidentType: single.cells, biasMotivation: single.cells, target: single.cells },
    rowTotals: {
      country: countries.map((row) => row.reduce((a, b) => a + b, 0)),
      incidentType: single.rowTotals,
      biasMotivation: single.rowTotals,
      target: single.rowTotals,
    },
    yearTotals,
    total,
  };
  expect(Object.keys(exact.rows)).toEqual([...TABLE_DIMENSIONS]);
  return exact;
}

describe('complementary suppression', () => {
  it('suppresses a further figure when the published ones would place a small count outside 0–4', async () => {
    // Row C0: 4 and 11, total 15. Published alone, 11 reads 8–12 and 15 reads 13–17: the 4 is at least 1.
    const exact = tables([
      [4, 11],
      [40, 38],
      [52, 61],
    ]);
    const { figures, relations, layout } = linearModel(exact);
    const primaryOnly = figures.map((f) => f.exact < 5);
    const before = await exposedFigures(figures, relations, primaryOnly, solve);
    expect(before.exposed).toEqual([layout.cell('country', 0, 0)]);

    const decision = await decideSuppression(figures, relations, solve);
    expect(decision.complementary).toBeGreaterThan(0);
    expect(decision.suppressed[layout.cell('country', 0, 1)]).toBe(true);
    expect((await exposedFigures(figures, relations, decision.suppressed, solve)).exposed).toEqual([]);
  });

  it('publishes every figure of 5 or more when rounding already protects the small ones', async () => {
    const exact = tables([
      [2, 30, 41],
      [40, 38, 27],
      [52, 61, 18],
    ]);
    const { figures, relations } = linearModel(exact);
    const decision = await decideSuppression(figures, relations, solve);
    expect(decision).toMatchObject({ primary: 1, complementary: 0 });
  });

  it('publishes nothing, and does not fail, while no incident is verified', async () => {
    // With no year, every total is a sum of nothing: every figure is 0, and every one suppressed.
    const exact = tables([[], []]);
    expect(exact.years).toEqual([]);
    const { figures, relations, layout } = linearModel(exact);
    const decision = await decideSuppression(figures, relations, solve);
    expect(decision.suppressed.every(Boolean)).toBe(true);
    expect(decision.suppressed[layout.total]).toBe(true);
    expect(decision).toMatchObject({ primary: figures.length, complementary: 0 });
  });
});
