import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { selectContactsById } from '../contacts/queries.js';
import { isoDate, type Lang, presentOrganisationRef } from '../present.js';
import { mayEdit, sees, type Viewer } from '../visibility.js';
import type { ActivityRow } from './queries.js';
import type { ActivityView } from './schemas.js';

/** Contact people of the activities, only those the viewer may see, in one query for the whole set. */
export async function visibleContactRefs(db: Kysely<DB>, viewer: Viewer, contactIds: readonly (string | null)[]) {
  const ids = contactIds.filter((id): id is string => id !== null);
  const rows = await selectContactsById(db, ids);
  const visible = rows.filter((c) => sees(viewer, { visibility: c.visibility, organisationId: c.organisation_id }));
  return new Map(visible.map((c) => [c.id, { id: c.id, name: c.name, title: c.title, emails: c.emails }]));
}

export function presentActivity(
  row: ActivityRow,
  viewer: Viewer,
  lang: Lang,
  contacts: Map<string, { id: string; name: string; title: string | null }>,
): ActivityView {
  const contact = row.contact_id ? contacts.get(row.contact_id) : undefined;
  return {
    id: row.id,
    code: row.code,
    organisation: presentOrganisationRef(
      {
        id: row.organisation_id,
        code: row.organisation_code,
        type: row.organisation_type,
        acronym: row.organisation_acronym,
        name_en: row.organisation_name_en,
        name_fr: row.organisation_name_fr,
        name_de: row.organisation_name_de,
        name_it: row.organisation_name_it,
        name_ru: row.organisation_name_ru,
        name_es: row.organisation_name_es,
      },
      lang,
    ),
    title: row.title,
    description: row.description,
    keyAreas: row.key_areas,
    dimension: row.dimension as ActivityView['dimension'],
    countries: row.countries,
    place: row.place,
    startDate: isoDate(row.start_date),
    endDate: isoDate(row.end_date),
    status: row.status,
    targetGroups: row.target_groups as ActivityView['targetGroups'],
    contact: contact ? { id: contact.id, name: contact.name, title: contact.title } : null,
    visibility: row.visibility,
    updatedAt: new Date(row.updated_at).toISOString(),
    actions: mayEdit(viewer, row.organisation_id) ? ['edit', 'delete'] : [],
  };
}

/** Presents a set of activities with the contact people the viewer may see. */
export async function presentActivities(db: Kysely<DB>, viewer: Viewer, rows: ActivityRow[], lang: Lang) {
  const contacts = await visibleContactRefs(
    db,
    viewer,
    rows.map((r) => r.contact_id),
  );
  return rows.map((row) => presentActivity(row, viewer, lang, contacts));
}
