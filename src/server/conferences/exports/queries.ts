import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The confirmed participants of an event with what their badge prints and the token its QR code holds. */
export function selectBadges(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('conference_registration as r')
    .leftJoin('organisation as o', 'o.id', 'r.organisation_id')
    .leftJoin('country as c', 'c.iso2', 'r.country_iso2')
    .select([
      'r.name',
      'r.function',
      'r.organisation_name',
      'o.name_en as organisation_directory_name',
      'c.name_en as state',
      'r.token',
    ])
    .where('r.event_id', '=', eventId)
    .where('r.status', '=', 'confirmed')
    .orderBy('r.name')
    .orderBy('r.id')
    .execute();
}

/** The English names of the countries, by ISO code. */
export async function countryNames(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('country').select(['iso2', 'name_en']).execute();
  return new Map(rows.map((r) => [r.iso2, r.name_en]));
}
