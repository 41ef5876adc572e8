import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Every organisation with the names an import may know it by. */
export function selectOrganisationsForImport(db: Kysely<DB>) {
  return db
    .selectFrom('organisation')
    .select(['id', 'code', 'type', 'acronym', 'name_en', 'name_fr', 'name_de', 'name_it', 'name_ru', 'name_es'])
    .execute();
}

/** The activities an import may update: by code, or by organisation and title. */
export function selectActivitiesForImport(db: Kysely<DB>, codes: string[], organisationIds: string[]) {
  return db
    .selectFrom('directory_activity')
    .select([
      'id',
      'code',
      'organisation_id',
      'title',
      'description',
      'key_areas',
      'dimension',
      'countries',
      'place',
      'start_date',
      'end_date',
      'status',
      'target_groups',
      'contact_id',
      'visibility',
      sql<string>`directory_fold(title)`.as('title_key'),
    ])
    .where((eb) =>
      eb.or([
        eb('code', '=', eb.fn.any(sql<string[]>`${codes}::text[]`)),
        eb('organisation_id', '=', eb.fn.any(sql<string[]>`${organisationIds}::uuid[]`)),
      ]),
    )
    .execute();
}

export type ExistingActivity = Awaited<ReturnType<typeof selectActivitiesForImport>>[number];

/** Contacts an import may name as contact people: by email, or in the organisations concerned. */
export function selectContactsForImport(db: Kysely<DB>, emails: string[], organisationIds: string[]) {
  return db
    .selectFrom('directory_contact')
    .select(['id', 'organisation_id', 'name', 'emails', 'visibility'])
    .where((eb) =>
      eb.or([
        sql<boolean>`emails && ${emails}::text[]`,
        eb('organisation_id', '=', eb.fn.any(sql<string[]>`${organisationIds}::uuid[]`)),
      ]),
    )
    .execute();
}
