import { assertAllowed } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { type SheetColumn, tableCsv, tableXlsx } from '../../files/sheet-writer.js';
import * as q from './queries.js';
import type { ExpiringList, ExportQuery, StatisticsQuery, TrainingStatistics } from './schemas.js';

const counts = (rows: ReadonlyArray<{ key: string | number; count: string | number }>) =>
  rows.map((r) => ({ key: String(r.key), count: Number(r.count) }));

/** Who was trained where: by State, agency type, gender, course and year; knowledge gain by course. */
export async function trainingStatistics(ctx: Context, query: StatisticsQuery): Promise<TrainingStatistics> {
  assertAllowed(ctx.actor, 'training.statistics');
  const [byCountry, byAgency, byGender, byYear, byCourse] = await Promise.all([
    q.countBy(ctx.db, query, 'n.country_iso2'),
    q.countBy(ctx.db, query, 'n.agency_type'),
    q.countBy(ctx.db, query, 'n.gender'),
    q.countByYear(ctx.db, query),
    q.byCourse(ctx.db, query),
  ]);
  const country = counts(byCountry);
  return {
    trained: country.reduce((sum, c) => sum + c.count, 0),
    byCountry: country,
    byAgency: counts(byAgency),
    byGender: counts(byGender),
    byYear: counts(byYear),
    byCourse: byCourse.map((r) => ({
      key: r.key,
      title: r.title,
      count: Number(r.count),
      meanGain: r.mean_gain === null ? null : Math.round(Number(r.mean_gain) * 10) / 10,
      tested: Number(r.tested),
    })),
  };
}

interface Row {
  dimension: string;
  key: string;
  count: number;
  meanGain: number | null;
}

const COLUMNS: SheetColumn<Row>[] = [
  { header: 'Breakdown', value: (r) => r.dimension },
  { header: 'Value', value: (r) => r.key },
  { header: 'People trained', value: (r) => r.count },
  { header: 'Mean knowledge gain (points)', value: (r) => r.meanGain, format: '0.0' },
];

/** The statistics as one table (breakdown, value, count, gain), CSV or XLSX through the guarded writer; audited. */
export async function exportStatistics(ctx: Context, query: ExportQuery): Promise<Buffer | string> {
  const { format, ...filter } = query;
  const stats = await trainingStatistics(ctx, filter);
  const rows: Row[] = [
    ...stats.byCountry.map((c) => ({ dimension: 'State', ...c, meanGain: null })),
    ...stats.byAgency.map((c) => ({ dimension: 'Agency type', ...c, meanGain: null })),
    ...stats.byGender.map((c) => ({ dimension: 'Gender', ...c, meanGain: null })),
    ...stats.byYear.map((c) => ({ dimension: 'Year', ...c, meanGain: null })),
    ...stats.byCourse.map((c) => ({ dimension: 'Course', key: `${c.title} (${c.key})`, count: c.count, meanGain: c.meanGain })),
  ];
  await audit(ctx.db, ctx, { verb: 'training.statistics.export', details: { format, ...filter } });
  return format === 'csv' ? tableCsv(COLUMNS, rows) : tableXlsx('Training', COLUMNS, rows);
}

/** Roster prerequisites that have expired or expire within the coming days, soonest first. */
export async function expiringPrerequisites(ctx: Context, days: number): Promise<ExpiringList> {
  assertAllowed(ctx.actor, 'training.manage');
  const today = new Date().toISOString().slice(0, 10);
  const until = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const rows = await q.selectExpiring(ctx.db, until);
  return {
    items: rows.map((r) => ({
      expertId: r.expert_id,
      name: r.name,
      code: r.code,
      expiresOn: r.expires_on as string,
      expired: (r.expires_on as string) < today,
    })),
  };
}
