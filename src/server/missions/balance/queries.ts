import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB>;

export function selectCountryFacts(db: Db) {
  return db
    .selectFrom('country')
    .select(['iso2', 'name_en', 'subregion', 'field_operation', 'east_of_vienna', 'osce_status'])
    .execute();
}

export function selectMissionCountriesBetween(db: Db, from: string, to: string) {
  return db
    .selectFrom('mission_country as mc')
    .innerJoin('mission as m', 'm.id', 'mc.mission_id')
    .select(['m.id', 'm.code', 'm.status', 'mc.country_iso2'])
    .where('m.status', 'not in', ['cancelled', 'draft'])
    .where('m.ends_on', '>=', from)
    .where('m.starts_on', '<=', to)
    .execute();
}
