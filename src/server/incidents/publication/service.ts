import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Context } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { csvOf } from '../../files/sheet-writer.js';
import { Problem } from '../../http/problems.js';
import { solveLp } from '../../solver/highs.js';
import { replacePublishedSeries } from '../../warning/feed.js';
import { BIAS_MOTIVATIONS, INCIDENT_TYPE_CODES, TARGETS } from '../categories.js';
import { type ExactTables, linearModel, rounded, TABLE_DIMENSIONS, type TableDimension } from './model.js';
import * as q from './queries.js';
import type { PublishedCount, StatisticsQuery, StatisticsView } from './schemas.js';
import { decideSuppression, type LpSolver } from './suppress.js';

/** The rule as readers are told it, with every published figure. */
export const SUPPRESSION_RULE =
  'The statistics are a fixed set of tables (country, incident type, bias motivation and target, each by year, with their totals), computed once a day. Counts of 0 to 4 are not published, nor is any other figure that would let someone work out a hidden count from the published ones; every published figure is rounded to the nearest multiple of 5.';

export interface PublishedTable {
  rows: string[];
  rowTotals: PublishedCount[];
  /** cells[row][year index] */
  cells: PublishedCount[][];
}

/** Everything the public statistics routes may show, computed at once and stored. */
export interface Publication {
  computedAt: string | null;
  years: number[];
  total: PublishedCount;
  yearTotals: PublishedCount[];
  tables: Record<TableDimension, PublishedTable>;
}

const SUPPRESSED: PublishedCount = { value: null, suppressed: true };

async function exactTables(db: Kysely<DB>): Promise<ExactTables> {
  const [groups, states] = await Promise.all([q.selectVerifiedGroups(db), q.selectParticipatingStates(db)]);
  const seenYears = groups.map((g) => Number(g.year));
  const first = Math.min(...seenYears);
  const years = seenYears.length === 0 ? [] : Array.from({ length: Math.max(...seenYears) - first + 1 }, (_, i) => first + i);
  const rows: Record<TableDimension, string[]> = {
    country: [...new Set([...states, ...groups.map((g) => g.country)])].sort(),
    incidentType: [...INCIDENT_TYPE_CODES],
    biasMotivation: [...BIAS_MOTIVATIONS],
    target: [...TARGETS],
  };
  const exact: ExactTables = {
    years,
    rows,
    cells: Object.fromEntries(TABLE_DIMENSIONS.map((d) => [d, rows[d].map(() => years.map(() => 0))])) as ExactTables['cells'],
    rowTotals: Object.fromEntries(TABLE_DIMENSIONS.map((d) => [d, rows[d].map(() => 0)])) as ExactTables['rowTotals'],
    yearTotals: years.map(() => 0),
    total: 0,
  };
  for (const g of groups) {
    const n = Number(g.n);
    const y = Number(g.year) - first;
    const keys: Record<TableDimension, string[]> = {
      country: [g.country],
      incidentType: [g.incident_type],
      biasMotivation: [g.bias_motivation],
      target: g.targets,
    };
    for (const d of TABLE_DIMENSIONS)
      for (const key of keys[d]) {
        const r = rows[d].indexOf(key);
        if (r < 0) continue;
        (exact.cells[d][r] as number[])[y] = ((exact.cells[d][r] as number[])[y] ?? 0) + n;
        exact.rowTotals[d][r] = (exact.rowTotals[d][r] ?? 0) + n;
      }
    exact.yearTotals[y] = (exact.yearTotals[y] ?? 0) + n;
    exact.total += n;
  }
  return exact;
}

const threadSolver: LpSolver = (lp) => solveLp(lp, { timeLimit: 60, mipGap: 0 });

/** The publication of exact tables: primary and complementary suppression, the rest rounded. */
export async function publishTables(exact: ExactTables, solve: LpSolver = threadSolver) {
  const { figures, relations, layout } = linearModel(exact);
  const decision = await decideSuppression(figures, relations, solve);
  const at = (i: number): PublishedCount =>
    decision.suppressed[i] ? SUPPRESSED : { value: rounded(figures[i]?.exact ?? 0), suppressed: false };
  const tables = Object.fromEntries(
    TABLE_DIMENSIONS.map((d) => [
      d,
      {
        rows: exact.rows[d],
        rowTotals: exact.rows[d].map((_, r) => at(layout.rowTotal(d, r))),
        cells: exact.rows[d].map((_, r) => exact.years.map((_, y) => at(layout.cell(d, r, y)))),
      },
    ]),
  ) as Record<TableDimension, PublishedTable>;
  const publication: Omit<Publication, 'computedAt'> = {
    years: exact.years,
    total: at(layout.total),
    yearTotals: exact.years.map((_, y) => at(layout.yearTotal(y))),
    tables,
  };
  return { publication, decision, figures: figures.length };
}

/**
 * Computes the publication again when the verified incidents changed since the last one, stores
 * it and copies its country-by-year figures into the early-warning indicator. Run on a schedule
 * (jobs.ts), never on a request: what is public changes once a period, not with each verification.
 */
export async function refreshPublication(db: Kysely<DB>, solve: LpSolver = threadSolver, now = new Date()) {
  const started = performance.now();
  const exact = await exactTables(db);
  const digest = createHash('sha256').update(JSON.stringify(exact)).digest('hex');
  const stored = await q.selectPublication(db);
  if (stored?.counts_digest === digest) return { changed: false };
  const { publication, decision, figures } = await publishTables(exact, solve);
  const body: Publication = { computedAt: now.toISOString(), ...publication };
  const country = publication.tables.country;
  await inTransaction(db, async (trx) => {
    await q.savePublication(trx, { computedAt: now, digest, body });
    await replacePublishedSeries(trx, {
      indicatorCode: 'hate_incidents_verified',
      source: 'Crossroads verified hate incidents (published figures)',
      values: country.rows.flatMap((iso2, r) =>
        publication.years.flatMap((year, y) => {
          const count = country.cells[r]?.[y];
          return count && !count.suppressed ? [{ country: iso2, period: `${year}-01-01`, value: count.value as number }] : [];
        }),
      ),
    });
  });
  return {
    changed: true,
    figures,
    primary: decision.primary,
    complementary: decision.complementary,
    solves: decision.solves,
    ms: Math.round(performance.now() - started),
  };
}

const EMPTY: Publication = {
  computedAt: null,
  years: [],
  total: SUPPRESSED,
  yearTotals: [],
  tables: Object.fromEntries(
    TABLE_DIMENSIONS.map((d) => [d, { rows: [], rowTotals: [], cells: [] }]),
  ) as unknown as Publication['tables'],
};

/** The stored publication; before the first one, tables without a figure. */
export async function currentPublication(db: Kysely<DB>): Promise<Publication> {
  const row = await q.selectPublication(db);
  return row ? (row.body as Publication) : EMPTY;
}

const FILTERS = ['country', 'incidentType', 'biasMotivation', 'target'] as const;

const NOT_PUBLISHED =
  'Only the fixed tables are published: by country, incident type, bias motivation or target (optionally in one year), or by year (optionally for one country, type, motivation or target).';

/** One row or column of a fixed table, or its margin; any other combination of filters is refused. */
export async function statistics(ctx: Context, query: StatisticsQuery): Promise<StatisticsView> {
  const by = query.by ?? 'country';
  const filters = FILTERS.filter((f) => query[f] !== undefined);
  const p = await currentPublication(ctx.db);
  const view = (total: PublishedCount, rows: Array<{ key: string; count: PublishedCount }>): StatisticsView => ({
    by,
    total,
    rows,
    rule: SUPPRESSION_RULE,
    asOf: p.computedAt,
  });
  if (by === 'year') {
    if (query.year !== undefined || filters.length > 1) throw new Problem('validation', NOT_PUBLISHED);
    const rows = (counts: PublishedCount[]) => p.years.map((year, y) => ({ key: String(year), count: counts[y] ?? SUPPRESSED }));
    const filter = filters[0];
    if (!filter) return view(p.total, rows(p.yearTotals));
    const table = p.tables[filter];
    const r = table.rows.indexOf(String(query[filter]));
    if (r < 0) return view(SUPPRESSED, rows([]));
    return view(table.rowTotals[r] ?? SUPPRESSED, rows(table.cells[r] ?? []));
  }
  if (filters.length > 0) throw new Problem('validation', NOT_PUBLISHED);
  const table = p.tables[by];
  if (query.year === undefined)
    return view(
      p.total,
      table.rows.map((key, r) => ({ key, count: table.rowTotals[r] ?? SUPPRESSED })),
    );
  const y = p.years.indexOf(query.year);
  return view(
    y < 0 ? SUPPRESSED : (p.yearTotals[y] ?? SUPPRESSED),
    table.rows.map((key, r) => ({ key, count: y < 0 ? SUPPRESSED : (table.cells[r]?.[y] ?? SUPPRESSED) })),
  );
}

/** The text of a published count, for CSV: the number, or empty with "suppressed" beside it. */
function csvCells(count: PublishedCount): [string, string] {
  return count.suppressed ? ['', 'suppressed'] : [String(count.value), ''];
}

/** The same figures as CSV. */
export async function statisticsCsv(ctx: Context, query: StatisticsQuery): Promise<string> {
  const view = await statistics(ctx, query);
  return csvOf([
    [view.by, 'verified_incidents', 'note'],
    ...view.rows.map((r) => [r.key, ...csvCells(r.count)]),
    ['total', ...csvCells(view.total)],
  ]);
}
