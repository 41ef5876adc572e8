import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { organisationLabel } from '../present.js';
import { type Reference, searchTextOf } from '../reference.js';
import { type ActivityValues, PENDING, type Plan } from './plan.js';

const BATCH = 500;

/**
 * Writes a plan inside the caller's transaction: new organisations and contact people first, then
 * the activities, new ones in batches. Reports progress as rows written.
 */
export async function applyPlan(trx: Kysely<DB>, ref: Reference, plan: Plan, progress: (done: number) => void) {
  const organisationIds = new Map<string, string>();
  for (const [k, o] of plan.newOrganisations) {
    const { id } = await trx
      .insertInto('organisation')
      .values({ type: o.type, name_en: o.name })
      .returning('id')
      .executeTakeFirstOrThrow();
    organisationIds.set(`${PENDING}${k}`, id);
  }
  const organisationOf = (id: string) => organisationIds.get(id) ?? id;

  const involved = [
    ...new Set([...plan.creates, ...plan.updates].map((a) => organisationOf(a.values.organisation_id))),
    ...[...plan.newContacts.values()].map((c) => organisationOf(c.organisation)),
  ];
  const labels = new Map(
    (
      await trx
        .selectFrom('organisation')
        .select(['id', 'acronym', 'name_en', 'code'])
        .where('id', 'in', involved.length > 0 ? involved : ['00000000-0000-0000-0000-000000000000'])
        .execute()
    ).map((o) => [o.id, organisationLabel(o)]),
  );

  const contactIds = new Map<string, string>();
  for (const [k, c] of plan.newContacts) {
    const organisation = organisationOf(c.organisation);
    const { id } = await trx
      .insertInto('directory_contact')
      .values({
        organisation_id: organisation,
        name: c.name,
        emails: c.email ? [c.email] : [],
        visibility: 'signed_in',
        search_text: searchTextOf(ref, { organisation: labels.get(organisation) ?? '' }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    contactIds.set(`${PENDING}${k}`, id);
  }

  const stored = (v: ActivityValues) => {
    const organisation = organisationOf(v.organisation_id);
    return {
      ...v,
      organisation_id: organisation,
      contact_id: v.contact_id ? (contactIds.get(v.contact_id) ?? v.contact_id) : null,
      search_text: searchTextOf(ref, {
        organisation: labels.get(organisation) ?? '',
        keyAreas: v.key_areas,
        countries: v.countries,
      }),
    };
  };
  const creates = plan.creates.map((c) => ({ ...stored(c.values), code: c.code }));
  const updates = plan.updates.map((u) => ({ ...stored(u.values), id: u.id }));
  // The document of each different set of reference words (the place, the organisation, key areas
  // and countries), computed once: an import's rows repeat a few hundred of them. Each activity's
  // search document is built from it (see the migration 20261209090100_directory_activity_document);
  // the place, stripped like the rest, gives the same lexemes there as beside the description.
  const referenceWords = (v: { place: string | null; search_text: string }) => `${v.place ?? ''} ${v.search_text}`;
  const references = await referenceDocuments(trx, [...creates, ...updates].map(referenceWords));
  // Each batch is one statement, so that the triggers on activities run once for it, and its rows
  // are one JSON value rather than thousands of parameters, which took PostgreSQL as long to plan
  // as to write (migration 20261210090000_directory_activity_bulk_writes).
  const rowsOf = <T extends { place: string | null; search_text: string }>(batch: T[]) =>
    JSON.stringify(batch.map((v) => ({ ...v, reference: references.get(referenceWords(v)) ?? '' })));
  const record = sql.raw(`organisation_id uuid, title text, description text, key_areas text[], dimension text,
    countries text[], place text, start_date date, end_date date, status text, target_groups text[], contact_id uuid,
    visibility text, search_text text, reference tsvector`);

  let done = 0;
  for (let i = 0; i < creates.length; i += BATCH) {
    const batch = creates.slice(i, i + BATCH);
    await sql`
      insert into directory_activity (organisation_id, title, description, key_areas, dimension, countries, place,
        start_date, end_date, status, target_groups, contact_id, visibility, search_text, code, search_doc)
      select v.organisation_id, v.title, v.description, v.key_areas, v.dimension, v.countries, v.place, v.start_date,
        v.end_date, v.status, v.target_groups, v.contact_id, v.visibility, v.search_text,
        coalesce(v.code, directory_activity_new_code()), directory_activity_document_from(v.title, v.description, null, v.reference)
      from jsonb_to_recordset(${rowsOf(batch)}::jsonb) as v(${record}, code text)`.execute(trx);
    done += batch.length;
    progress(done);
  }
  for (let i = 0; i < updates.length; i += BATCH) {
    const batch = updates.slice(i, i + BATCH);
    await sql`
      update directory_activity a set organisation_id = v.organisation_id, title = v.title, description = v.description,
        key_areas = v.key_areas, dimension = v.dimension, countries = v.countries, place = v.place,
        start_date = v.start_date, end_date = v.end_date, status = v.status, target_groups = v.target_groups,
        contact_id = v.contact_id, visibility = v.visibility, search_text = v.search_text,
        search_doc = directory_activity_document_from(v.title, v.description, null, v.reference), updated_at = now()
      from jsonb_to_recordset(${rowsOf(batch)}::jsonb) as v(id uuid, ${record})
      where a.id = v.id`.execute(trx);
    done += batch.length;
    progress(done);
  }
  progress(done);
}

/** The document of each different text of reference words, by text. */
async function referenceDocuments(trx: Kysely<DB>, texts: string[]): Promise<Map<string, string>> {
  const distinct = [...new Set(texts)];
  if (distinct.length === 0) return new Map();
  const { rows } = await sql<{ text: string; doc: string }>`
    select t as text, directory_reference_document(t)::text as doc from unnest(${distinct}::text[]) as t`.execute(trx);
  return new Map(rows.map((r) => [r.text, r.doc]));
}
