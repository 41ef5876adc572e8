import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Viewer, visibleRecords } from '../visibility.js';
import type { ContactQuery } from './schemas.js';

export const CONTACT_COLUMNS = [
  'c.id',
  'c.organisation_id',
  'c.name',
  'c.title',
  'c.emails',
  'c.phones',
  'c.languages',
  'c.key_areas',
  'c.competences',
  'c.topics',
  'c.countries',
  'c.visibility',
  'c.fallback',
  'c.confirmed_at',
  'o.code as organisation_code',
  'o.type as organisation_type',
  'o.acronym as organisation_acronym',
  'o.name_en as organisation_name_en',
  'o.name_fr as organisation_name_fr',
  'o.name_de as organisation_name_de',
  'o.name_it as organisation_name_it',
  'o.name_ru as organisation_name_ru',
  'o.name_es as organisation_name_es',
] as const;

function base(db: Kysely<DB>) {
  return db.selectFrom('directory_contact as c').innerJoin('organisation as o', 'o.id', 'c.organisation_id');
}

/** A page of the contacts the viewer may see, with the total in the same query. */
export function selectContacts(db: Kysely<DB>, viewer: Viewer, words: string[], query: ContactQuery, staleBefore: Date) {
  let select = base(db)
    .select([...CONTACT_COLUMNS, sql<number>`count(*) over ()`.as('total')])
    .where(visibleRecords(viewer, 'c'));
  if (words.length > 0) select = select.where(sql<boolean>`c.search_doc @@ directory_query(${words}::text[])`);
  if (query.organisationId) select = select.where('c.organisation_id', '=', query.organisationId);
  if (query.country) select = select.where(sql<boolean>`c.countries @> array[${query.country}]::text[]`);
  if (query.keyArea) select = select.where(sql<boolean>`c.key_areas @> array[${query.keyArea}]::text[]`);
  if (query.competence) select = select.where(sql<boolean>`c.competences @> array[${query.competence}]::text[]`);
  if (query.language) select = select.where(sql<boolean>`c.languages @> array[${query.language}]::text[]`);
  if (query.stale !== undefined) select = select.where('c.confirmed_at', query.stale ? '<' : '>=', staleBefore);
  const ordered =
    words.length > 0 ? select.orderBy(sql`ts_rank(c.search_doc, directory_query(${words}::text[]))`, 'desc') : select;
  return ordered
    .orderBy('c.name')
    .orderBy('c.id')
    .limit(query.limit ?? 25)
    .offset(query.offset ?? 0)
    .execute();
}

export type ContactRow = Omit<Awaited<ReturnType<typeof selectContacts>>[number], 'total'>;

/** Contacts by id, whatever their visibility: the caller decides what to show. */
export function selectContactsById(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return base(db)
    .select([...CONTACT_COLUMNS])
    .where('c.id', 'in', [...new Set(ids)])
    .execute();
}

export function selectFallbackContact(db: Kysely<DB>) {
  return base(db)
    .select([...CONTACT_COLUMNS])
    .where('c.fallback', '=', true)
    .executeTakeFirst();
}

export function insertContact(db: Kysely<DB>, values: Insertable<DB['directory_contact']>) {
  return db.insertInto('directory_contact').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateContact(db: Kysely<DB>, id: string, values: Updateable<DB['directory_contact']>) {
  return db
    .updateTable('directory_contact')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .executeTakeFirst();
}

export function clearFallback(db: Kysely<DB>, exceptId: string | null) {
  let update = db.updateTable('directory_contact').set({ fallback: false }).where('fallback', '=', true);
  if (exceptId) update = update.where('id', '<>', exceptId);
  return update.execute();
}

export function deleteContact(db: Kysely<DB>, id: string) {
  return db.deleteFrom('directory_contact').where('id', '=', id).executeTakeFirst();
}

export function confirmContact(db: Kysely<DB>, id: string) {
  return db
    .updateTable('directory_contact')
    .set({ confirmed_at: sql`now()`, updated_at: sql`now()` })
    .where('id', '=', id)
    .executeTakeFirst();
}
