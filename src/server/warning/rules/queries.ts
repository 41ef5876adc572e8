import { sql } from 'kysely';
import type { AlertRow, RuleRow } from '../indicators/present.js';
import type { Db } from '../indicators/queries.js';

export type RuleRowOut = RuleRow;

export async function selectRules(db: Db, id?: string): Promise<RuleRow[]> {
  const result = await sql<RuleRow>`
    select r.id, i.code as indicator_code, r.country_iso2, r.kind, r.threshold, r.window_periods, r.level, r.name, r.active
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
      created_by: values.actorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function updateRule(
  db: Db,
  id: string,
  values: Partial<{ threshold: number; window_periods: number; level: RuleRow['level']; name: string; active: boolean }>,
) {
  return db
    .updateTable('warning_rule')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function selectAlerts(
  db: Db,
  filter: { id?: string; status?: string; countries?: string[]; indicator?: string; limit: number },
): Promise<AlertRow[]> {
  const result = await sql<AlertRow>`
    select a.id, a.rule_id, r.name as rule_name, r.kind, r.window_periods, i.code as indicator_code,
           i.name_en as indicator_name, i.frequency, a.country_iso2, to_char(a.period, 'YYYY-MM-DD') as period,
           a.value, a.reference_value, a.measure, a.threshold, a.level, a.fired_at, a.status, a.note,
           u.name as decided_by_name, a.decided_at
    from warning_alert a
    join warning_rule r on r.id = a.rule_id
    join warning_indicator i on i.id = r.indicator_id
    left join app_user u on u.id = a.decided_by
    where true
      ${filter.id ? sql`and a.id = ${filter.id}::uuid` : sql``}
      ${filter.status ? sql`and a.status = ${filter.status}` : sql``}
      ${filter.countries ? sql`and a.country_iso2 = any(${filter.countries}::bpchar[])` : sql``}
      ${filter.indicator ? sql`and i.code = ${filter.indicator}` : sql``}
    order by a.period desc, a.fired_at desc, a.country_iso2
    limit ${filter.limit}`.execute(db);
  return result.rows;
}

export async function decideAlert(db: Db, id: string, status: 'acknowledged' | 'dismissed', note: string, actorId: string) {
  const result = await db
    .updateTable('warning_alert')
    .set({ status, note, decided_by: actorId, decided_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
