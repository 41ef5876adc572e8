import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Language } from './catalogue.js';
import { selectCountryNames } from './outbox/queries.js';
import type { CountryNames } from './outbox/render.js';

/** The names of the countries the notices mention, in every language, in one query. */
export async function countryNamesFor(
  db: Kysely<DB>,
  notices: ReadonlyArray<{ params: Record<string, string> }>,
): Promise<CountryNames> {
  const codes = [...new Set(notices.flatMap((n) => (n.params.country ? [n.params.country] : [])))];
  const rows = new Map((await selectCountryNames(db, codes)).map((c) => [c.iso2, c]));
  return (iso2, language) => rows.get(iso2)?.[`name_${language}` as `name_${Language}`];
}
