import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Verified incidents grouped by everything the fixed tables cross: a few thousand rows at most. */
export async function selectVerifiedGroups(db: Kysely<DB>) {
  const result = await sql<{
    country: string;
    incident_type: string;
    bias_motivation: string;
    targets: string[];
    year: number;
    n: number;
  }>`
    select r.country_iso2::text as country, r.incident_type, r.bias_motivation, r.targets,
           extract(year from r.occurred_on)::int as year, count(*)::int as n
    from incident_report r
    where r.status = 'verified'
    group by 1, 2, 3, 4, 5`.execute(db);
  return result.rows;
}

/** The participating States: every one is a row of the country table, with incidents or not. */
export async function selectParticipatingStates(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('country').select('iso2').where('osce_status', '=', 'participating').execute();
  return rows.map((r) => r.iso2);
}

export function selectPublication(db: Kysely<DB>) {
  return db.selectFrom('incident_publication').selectAll().where('id', '=', 1).executeTakeFirst();
}

export async function savePublication(db: Kysely<DB>, row: { computedAt: Date; digest: string; body: unknown }) {
  const values = { id: 1, computed_at: row.computedAt, counts_digest: row.digest, body: JSON.stringify(row.body) };
  await db
    .insertInto('incident_publication')
    .values(values)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ computed_at: values.computed_at, counts_digest: values.counts_digest, body: values.body }),
    )
    .execute();
}
