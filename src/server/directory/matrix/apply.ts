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
  // The document of each different set of reference words, computed once: an import's rows repeat
  // a few hundred of them. Each activity's search document is built from it (see the migration
  // 20261209090100_directory_activity_document).
  const references = await referenceDocuments(
    trx,
    [...plan.creates, ...plan.updates].map((a) => stored(a.values).search_text),
  );
  const withDocument = (v: ReturnType<typeof stored>) => ({
    ...v,
    search_doc: sql<string>`directory_activity_document_from(${v.title}, ${v.description}, ${v.place}, ${references.get(v.search_text) ?? ''}::tsvector)`,
  });

  let done = 0;
  for (let i = 0; i < plan.creates.length; i += BATCH) {
    const batch = plan.creates.slice(i, i + BATCH);
    await trx
      .insertInto('directory_activity')
      .values(batch.map((c) => ({ ...withDocument(stored(c.values)), ...(c.code ? { code: c.code } : {}) })))
      .execute();
    done += batch.length;
    progress(done);
  }
  // Changed activities in batches too, one statement each: the triggers on activities run once per statement.
  for (let i = 0; i < plan.updates.length; i += BATCH) {
    const batch = plan.updates.slice(i, i + BATCH).map((u) => {
      const v = stored(u.values);
      return { id: u.id, ...v, reference: references.get(v.search_text) ?? '' };
    });
    await sql`
      update directory_activity a set organisation_id = v.organisation_id, title = v.title, description = v.description,
        key_areas = v.key_areas, dimension = v.dimension, countries = v.countries, place = v.place,
        start_date = v.start_date, end_date = v.end_date, status = v.status, target_groups = v.target_groups,
        contact_id = v.contact_id, visibility = v.visibility, search_text = v.search_text,
        search_doc = directory_activity_document_from(v.title, v.description, v.place, v.reference), updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as v(id uuid, organisation_id uuid, title text,
        description text, key_areas text[], dimension text, countries text[], place text, start_date date, end_date date,
        status text, target_groups text[], contact_id uuid, visibility text, search_text text, reference tsvector)
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
