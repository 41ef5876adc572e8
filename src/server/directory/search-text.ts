import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { organisationLabel } from './present.js';
import { loadReference, searchTextOf } from './reference.js';

/**
 * Rewrites the search text of an organisation's contacts and activities after it was renamed,
 * so that they are still found by its new name.
 */
export async function refreshOrganisationSearchText(db: Kysely<DB>, organisationId: string): Promise<void> {
  const organisation = await db
    .selectFrom('organisation')
    .select(['acronym', 'name_en', 'code'])
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  const label = organisationLabel(organisation);
  const ref = await loadReference(db);
  const contacts = await db
    .selectFrom('directory_contact')
    .select(['id', 'key_areas', 'competences', 'countries'])
    .where('organisation_id', '=', organisationId)
    .execute();
  for (const c of contacts) {
    const text = searchTextOf(ref, {
      organisation: label,
      keyAreas: c.key_areas,
      competences: c.competences,
      countries: c.countries,
    });
    await db.updateTable('directory_contact').set({ search_text: text }).where('id', '=', c.id).execute();
  }
  const activities = await db
    .selectFrom('directory_activity')
    .select(['id', 'key_areas', 'countries'])
    .where('organisation_id', '=', organisationId)
    .execute();
  for (const a of activities) {
    const text = searchTextOf(ref, { organisation: label, keyAreas: a.key_areas, countries: a.countries });
    await db.updateTable('directory_activity').set({ search_text: text }).where('id', '=', a.id).execute();
  }
}
