import { sql } from 'kysely';
import type { FlowRole } from '../flows/schemas.js';
import type { AlertRow, RuleRow } from '../indicators/present.js';
import type { Db } from '../indicators/queries.js';

export type RuleRowOut = RuleRow;

export async function selectRules(db: Db, id?: string): Promise<RuleRow[]> {
  const result = await sql<RuleRow>`
    select r.id, i.code as indicator_code, r.country_iso2, r.kind, r.threshold, r.window_periods, r.level, r.name, r.names, r.minimum_base, r.active
    from warning_rule r join warning_indicator i on i.id = r.indicator_id
    ${id ? sql`where r.id = ${id}::uuid` : sql``}
    order by i.code, r.country_iso2 nulls first, r.name`.execute(db);
  return result.rows;
}

export async function insertRule(
  db: Db,
  values: {
    indicatorId: number;
    country: string | null;
    kind: RuleRow['kind'];
    threshold: number;
    windowPeriods: number | null;
    level: string;
    name: string;
    minimumBase?: number | null;
    actorId: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('warning_rule')
    .values({
      indicator_id: values.indicatorId,
      country_iso2: values.country,
      kind: values.kind,
      threshold: values.threshold,
      window_periods: values.windowPeriods,
      level: values.level as RuleRow['level'],
      name: values.name,
      minimum_base: values.minimumBase ?? null,
      created_by: values.actorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function updateRule(
  db: Db,
  id: string,
  values: Partial<{
    threshold: number;
    window_periods: number;
    level: RuleRow['level'];
    name: string;
    minimum_base: number | null;
    active: boolean;
  }>,
) {
  return db
    .updateTable('warning_rule')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .executeTakeFirst();
}

/** What the inbox filters alerts by; every field narrows. */
export interface AlertFilter {
  id?: string;
  ids?: string[];
  status?: string;
  countries?: string[];
  indicator?: string;
  level?: string;
  ruleId?: string;
  /** Countries with this role in the flows in the latest year with data. */
  flow?: FlowRole;
}

function alertConditions(filter: AlertFilter) {
  return sql`true
      ${filter.id ? sql`and a.id = ${filter.id}::uuid` : sql``}
      ${filter.ids ? sql`and a.id = any(${filter.ids}::uuid[])` : sql``}
      ${filter.status ? sql`and a.status = ${filter.status}` : sql``}
      ${filter.countries ? sql`and a.country_iso2 = any(${filter.countries}::bpchar[])` : sql``}
      ${filter.indicator ? sql`and i.code = ${filter.indicator}` : sql``}
      ${filter.level ? sql`and a.level = ${filter.level}` : sql``}
      ${filter.ruleId ? sql`and a.rule_id = ${filter.ruleId}::uuid` : sql``}
      ${
        filter.flow
          ? sql`and a.country_iso2 in (select f.country_iso2 from country_flow_role f
              where ${sql.ref(`f.${filter.flow}`)} and f.year = (select max(year) from country_flow_role))`
          : sql``
      }`;
}

/** One page of alerts, newest period first. */
export async function selectAlerts(db: Db, filter: AlertFilter & { limit: number; offset?: number }): Promise<AlertRow[]> {
  const result = await sql<AlertRow>`
    select a.id, a.rule_id, r.name as rule_name, r.names as rule_names, r.kind, r.window_periods, i.code as indicator_code,
           i.name_en as indicator_name, i.frequency, a.country_iso2, to_char(a.period, 'YYYY-MM-DD') as period,
           a.value, a.reference_value, a.measure, a.threshold, a.level, a.fired_at, a.status, a.note,
           u.name as decided_by_name, a.decided_at,
           array(select ad.driver_code from warning_alert_driver ad where ad.alert_id = a.id order by ad.driver_code) as drivers
    from warning_alert a
    join warning_rule r on r.id = a.rule_id
    join warning_indicator i on i.id = r.indicator_id
    left join app_user u on u.id = a.decided_by
    where ${alertConditions(filter)}
    order by a.period desc, a.fired_at desc, a.country_iso2, a.id
    limit ${filter.limit} offset ${filter.offset ?? 0}`.execute(db);
  return result.rows;
}

/** How many alerts match, in all and per country (the inbox's groups). */
export async function countAlertsByCountry(db: Db, filter: AlertFilter): Promise<Array<{ country_iso2: string; n: number }>> {
  const result = await sql<{ country_iso2: string; n: number }>`
    select a.country_iso2, count(*)::int as n
    from warning_alert a
    join warning_rule r on r.id = a.rule_id
    join warning_indicator i on i.id = r.indicator_id
    where ${alertConditions(filter)}
    group by a.country_iso2
    order by n desc, a.country_iso2`.execute(db);
  return result.rows;
}

/** Closes the open alerts of a rule that its new minimum base would not have raised. */
export async function dismissBelowBase(db: Db, ruleId: string, minimumBase: number, note: string): Promise<number> {
  const result = await sql`
    update warning_alert set status = 'dismissed', note = ${note}, decided_at = now()
    where rule_id = ${ruleId}::uuid and status = 'open'
      and greatest(value, coalesce(reference_value, value)) < ${minimumBase}::float8`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Decides on those of the alerts still open; returns the ids it changed. */
export async function decideAlerts(
  db: Db,
  ids: string[],
  status: 'acknowledged' | 'dismissed',
  note: string,
  actorId: string,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('warning_alert')
    .set({ status, note, decided_by: actorId, decided_at: new Date() })
    .where('id', 'in', ids)
    .where('status', '=', 'open')
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
