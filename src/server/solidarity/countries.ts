import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** The reference countries by ISO code, for the names and OSCE status in the fulfilment and burden tables. */
export function selectCountryNames(db: Kysely<DB>) {
  return db.selectFrom('country').select(['iso2', 'iso3', 'name_en', 'osce_status']).execute();
}
