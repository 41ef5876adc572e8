import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The drivers the analysts named for the demonstration alerts, by the alert's country. */
const BY_COUNTRY: Record<string, string[]> = {
  GR: ['conflict', 'conflict_violence'],
  IT: ['economic', 'conflict'],
  ES: ['economic_poverty'],
  MT: ['economic'],
  CY: ['conflict'],
  TR: ['conflict', 'persecution_political'],
  DE: ['conflict', 'persecution'],
};

/** Names the drivers behind the demonstration alerts of a few countries. Idempotent. */
export async function seedAlertDriversDemo(db: Kysely<DB>): Promise<void> {
  for (const [country, drivers] of Object.entries(BY_COUNTRY)) {
    await sql`insert into warning_alert_driver (alert_id, driver_code)
      select a.id, d from warning_alert a cross join unnest(${drivers}::text[]) as d
      where a.country_iso2 = ${country}
      on conflict do nothing`.execute(db);
  }
}
