import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../indicators/queries.js';
import { tellAnalysts } from '../notices.js';

/** A rule as evaluation needs it, with its indicator's frequency and direction. */
export interface RuleToEvaluate {
  id: string;
  indicator_id: number;
  country_iso2: string | null;
  kind: 'threshold' | 'change_previous' | 'change_year' | 'zscore';
  threshold: number;
  window_periods: number | null;
  level: string;
  minimum_base: number | null;
  frequency: 'month' | 'quarter' | 'year';
  direction: 'higher_is_worse' | 'higher_is_better';
}

/** Where to look: every value, or only some countries from a period on (after an import). */
export interface Scope {
  countries?: string[];
  from?: string;
}

const STEP = { month: sql`interval '1 month'`, quarter: sql`interval '3 months'`, year: sql`interval '1 year'` };

/**
 * What a rule measures at each observation, and its reference value:
 * - threshold: the value itself;
 * - change_previous / change_year: the change in percent against the previous period, or the
 *   same period a year earlier (no measure when that value is missing or zero);
 * - zscore: (value − mean) / sample standard deviation of the values of the N periods before it
 *   (no measure unless all N are there, or when they do not vary).
 */
/** The earliest period a rule must read to measure every period from `from` on (a z-score reads its window too). */
function earliestRead(rule: RuleToEvaluate, from: string): string {
  if (rule.kind !== 'zscore') return from;
  const months = (rule.window_periods ?? 3) * (rule.frequency === 'year' ? 12 : rule.frequency === 'quarter' ? 3 : 1);
  const date = new Date(`${from}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
}

function measured(rule: RuleToEvaluate, scope: Scope): RawBuilder<unknown> {
  const where = sql`o.indicator_id = ${rule.indicator_id}
    ${rule.country_iso2 ? sql`and o.country_iso2 = ${rule.country_iso2}` : sql``}
    ${scope.countries ? sql`and o.country_iso2 = any(${scope.countries}::bpchar[])` : sql``}
    ${scope.from ? sql`and o.period >= ${earliestRead(rule, scope.from)}::date` : sql``}`;
  if (rule.kind === 'threshold') {
    return sql`select o.country_iso2, o.period, o.value, null::float8 as reference, o.value as measure
      from warning_observation o where ${where}`;
  }
  if (rule.kind === 'zscore') {
    const n = rule.window_periods ?? 3;
    // The N periods before, by the calendar: a gap leaves fewer than N values and no measure.
    const step = rule.frequency === 'year' ? 12 : rule.frequency === 'quarter' ? 3 : 1;
    const window = sql.raw(
      `(partition by o.country_iso2 order by o.period range between interval '${Math.trunc(n) * step} months' preceding and interval '${step} months' preceding)`,
    );
    return sql`select country_iso2, period, value, mean as reference, (value - mean) / sd as measure
      from (
        select o.country_iso2, o.period, o.value, avg(o.value) over ${window} as mean,
               stddev_samp(o.value) over ${window} as sd, count(*) over ${window} as n
        from warning_observation o where ${where}
      ) w
      where n = ${n}::int and sd > 0`;
  }
  const step = rule.kind === 'change_year' ? STEP.year : STEP[rule.frequency];
  return sql`select o.country_iso2, o.period, o.value, p.value as reference, (o.value - p.value) / abs(p.value) * 100 as measure
    from warning_observation o
    join warning_observation p on p.indicator_id = o.indicator_id and p.country_iso2 = o.country_iso2
      and p.period = (o.period - ${step})::date
    where ${where} and p.value <> 0`;
}

/**
 * Records an alert for every observation at which the rule fires and that has none yet for this
 * rule, country and period; returns how many were recorded. A rule fires when the measure is at or
 * beyond the threshold in the indicator's bad direction (above when higher is worse, below when
 * higher is better; for changes and z-scores the threshold is the size of the move).
 */
export async function evaluateRule(db: Db, rule: RuleToEvaluate, scope: Scope, batchId: string | null): Promise<FiredAlert[]> {
  const worse = rule.direction === 'higher_is_worse';
  const threshold = rule.kind === 'threshold' || worse ? rule.threshold : -rule.threshold;
  const fires = worse ? sql`m.measure >= ${threshold}::float8` : sql`m.measure <= ${threshold}::float8`;
  const result = await sql`
    insert into warning_alert (rule_id, country_iso2, period, value, reference_value, measure, threshold, level, batch_id)
    select ${rule.id}::uuid, m.country_iso2, m.period, m.value, m.reference, m.measure, ${rule.threshold}::float8, ${rule.level}::text, ${batchId}::bigint
    from (${measured(rule, scope)}) m
    where ${fires}
      ${rule.minimum_base !== null ? sql`and greatest(m.value, coalesce(m.reference, m.value)) >= ${rule.minimum_base}::float8` : sql``}
      ${scope.from ? sql`and m.period >= ${scope.from}::date` : sql``}
    on conflict (rule_id, country_iso2, period) do nothing
    returning country_iso2, period::text as period`.execute(db);
  return result.rows as FiredAlert[];
}

export async function selectRulesToEvaluate(
  db: Db,
  filter: { indicatorIds?: number[]; ruleId?: string },
): Promise<RuleToEvaluate[]> {
  const result = await sql<RuleToEvaluate>`
    select r.id, r.indicator_id, r.country_iso2, r.kind, r.threshold, r.window_periods, r.level, r.minimum_base, i.frequency, i.direction
    from warning_rule r join warning_indicator i on i.id = r.indicator_id
    where r.active
      ${filter.indicatorIds ? sql`and r.indicator_id = any(${filter.indicatorIds}::int2[])` : sql``}
      ${filter.ruleId ? sql`and r.id = ${filter.ruleId}::uuid` : sql``}
    order by r.created_at`.execute(db);
  return result.rows;
}

export interface FiredAlert {
  country_iso2: string;
  period: string;
}

/**
 * Evaluates every active rule of the given indicators (or all) within the scope; returns the alerts
 * recorded. The analysts of each country with a new alert are told, in the same transaction.
 */
export async function evaluateRules(
  db: Db,
  filter: { indicatorIds?: number[]; ruleId?: string },
  scope: Scope = {},
  batchId: string | null = null,
): Promise<number> {
  const fired: FiredAlert[] = [];
  for (const rule of await selectRulesToEvaluate(db, filter)) fired.push(...(await evaluateRule(db, rule, scope, batchId)));
  await tellAnalysts(db, fired);
  return fired.length;
}
