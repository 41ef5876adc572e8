import type { Kysely } from 'kysely';
import { assertAllowed } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { selectContactsById } from '../contacts/queries.js';
import { type Lang, languageOf, organisationLabel } from '../present.js';
import { loadReference, searchTerms, searchTextOf } from '../reference.js';
import { mayEdit, sees, type Viewer, viewerOf } from '../visibility.js';
import { presentActivities } from './present.js';
import * as q from './queries.js';
import type { ActivityQuery, ActivityView, CreateActivityBody, UpdateActivityBody } from './schemas.js';

/** The activities the caller may see, filtered, a page at a time. */
export async function listActivities(ctx: Context, query: ActivityQuery) {
  const viewer = await viewerOf(ctx);
  const rows = await q.selectActivities(ctx.db, viewer, await searchTerms(ctx.db, query.q), query);
  return {
    items: await presentActivities(ctx.db, viewer, rows, languageOf(ctx, query.lang)),
    total: rows[0] ? Number(rows[0].total) : 0,
    limit: query.limit ?? 25,
    offset: query.offset ?? 0,
  };
}

async function loadVisible(db: Kysely<DB>, viewer: Viewer, id: string) {
  const [row] = await q.selectActivitiesById(db, [id]);
  if (!row || !sees(viewer, { visibility: row.visibility, organisationId: row.organisation_id })) {
    throw new Problem('not_found', 'There is no activity with this identifier.');
  }
  return row;
}

async function present(ctx: Context, viewer: Viewer, id: string, lang?: Lang): Promise<ActivityView> {
  const row = await loadVisible(ctx.db, viewer, id);
  const [view] = await presentActivities(ctx.db, viewer, [row], languageOf(ctx, lang));
  return view as ActivityView;
}

/** One activity, if the caller may see it. */
export async function getActivity(ctx: Context, id: string, lang?: Lang): Promise<ActivityView> {
  return present(ctx, await viewerOf(ctx), id, lang);
}

function normalised(input: UpdateActivityBody) {
  return {
    ...(input.organisationId !== undefined ? { organisation_id: input.organisationId } : {}),
    ...(input.code !== undefined ? { code: input.code } : {}),
    ...(input.title !== undefined ? { title: input.title.trim() } : {}),
    ...(input.description !== undefined ? { description: input.description?.trim() || null } : {}),
    ...(input.keyAreas !== undefined ? { key_areas: input.keyAreas } : {}),
    ...(input.dimension !== undefined ? { dimension: input.dimension } : {}),
    ...(input.countries !== undefined ? { countries: [...input.countries].sort() } : {}),
    ...(input.place !== undefined ? { place: input.place?.trim() || null } : {}),
    ...(input.startDate !== undefined ? { start_date: input.startDate } : {}),
    ...(input.endDate !== undefined ? { end_date: input.endDate } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(input.targetGroups !== undefined ? { target_groups: input.targetGroups } : {}),
    ...(input.contactId !== undefined ? { contact_id: input.contactId } : {}),
    ...(input.visibility !== undefined ? { visibility: input.visibility } : {}),
  };
}

/** A contact person must be someone the editor can see: nobody learns of a hidden contact by naming it. */
async function assertContactVisible(db: Kysely<DB>, viewer: Viewer, contactId: string | null | undefined) {
  if (!contactId) return;
  const [contact] = await selectContactsById(db, [contactId]);
  if (!contact || !sees(viewer, { visibility: contact.visibility, organisationId: contact.organisation_id })) {
    throw new Problem('unknown_reference', 'The contact person does not exist.', {
      errors: [{ pointer: '/contactId', message: 'Choose a contact from the directory.' }],
    });
  }
}

async function searchText(db: Kysely<DB>, values: { organisation_id: string; key_areas: string[]; countries: string[] }) {
  const organisation = await db
    .selectFrom('organisation')
    .select(['acronym', 'name_en', 'code'])
    .where('id', '=', values.organisation_id)
    .executeTakeFirst();
  if (!organisation) throw new Problem('unknown_reference', 'The organisation does not exist.');
  return searchTextOf(await loadReference(db), {
    organisation: organisationLabel(organisation),
    keyAreas: values.key_areas,
    countries: values.countries,
  });
}

/** Adds an activity of an organisation the caller keeps. */
export async function createActivity(ctx: Context, input: CreateActivityBody): Promise<ActivityView> {
  assertAllowed(ctx.actor, 'directory.edit', { organisationId: input.organisationId });
  const viewer = await viewerOf(ctx);
  const values = { key_areas: [], countries: [], ...normalised(input), organisation_id: input.organisationId };
  const id = await inTransaction(ctx.db, async (trx) => {
    await assertContactVisible(trx, viewer, input.contactId);
    const { id } = await q.insertActivity(trx, {
      ...values,
      title: input.title.trim(),
      status: input.status ?? 'planned',
      search_text: await searchText(trx, values),
    });
    await audit(trx, ctx, {
      verb: 'directory.activity.create',
      recordType: 'directory_activity',
      recordId: id,
      details: { organisationId: input.organisationId },
    });
    return id;
  });
  return present(ctx, viewer, id);
}

/** Changes an activity of an organisation the caller keeps. */
export async function updateActivity(ctx: Context, id: string, input: UpdateActivityBody): Promise<ActivityView> {
  assertAllowed(ctx.actor, 'directory.edit');
  const viewer = await viewerOf(ctx);
  await inTransaction(ctx.db, async (trx) => {
    const existing = await loadVisible(trx, viewer, id);
    assertAllowed(ctx.actor, 'directory.edit', { organisationId: existing.organisation_id });
    if (input.organisationId) assertAllowed(ctx.actor, 'directory.edit', { organisationId: input.organisationId });
    await assertContactVisible(trx, viewer, input.contactId);
    const values = normalised(input);
    const merged = {
      organisation_id: values.organisation_id ?? existing.organisation_id,
      key_areas: values.key_areas ?? existing.key_areas,
      countries: values.countries ?? existing.countries,
    };
    await q.updateActivity(trx, id, { ...values, search_text: await searchText(trx, merged) });
    await audit(trx, ctx, {
      verb: 'directory.activity.update',
      recordType: 'directory_activity',
      recordId: id,
      details: { fields: Object.keys(input) },
    });
  });
  return present(ctx, viewer, id);
}

/** Removes an activity of an organisation the caller keeps. */
export async function deleteActivity(ctx: Context, id: string): Promise<void> {
  assertAllowed(ctx.actor, 'directory.edit');
  const viewer = await viewerOf(ctx);
  await inTransaction(ctx.db, async (trx) => {
    const existing = await loadVisible(trx, viewer, id);
    if (!mayEdit(viewer, existing.organisation_id)) throw new Problem('forbidden');
    await q.deleteActivity(trx, id);
    await audit(trx, ctx, {
      verb: 'directory.activity.delete',
      recordType: 'directory_activity',
      recordId: id,
      details: { organisationId: existing.organisation_id, code: existing.code },
    });
  });
}
