import type { Kysely } from 'kysely';
import { assertAllowed, holds } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { type Lang, languageOf, organisationLabel } from '../present.js';
import { loadReference, searchTerms, searchTextOf } from '../reference.js';
import { mayEdit, sees, type Viewer, viewerOf } from '../visibility.js';
import { presentContact, staleBefore } from './present.js';
import * as q from './queries.js';
import type { ContactQuery, ContactView, CreateContactBody, UpdateContactBody } from './schemas.js';

/** The contacts the caller may see, filtered, a page at a time. */
export async function listContacts(ctx: Context, query: ContactQuery) {
  const viewer = await viewerOf(ctx);
  const lang = languageOf(ctx, query.lang);
  const cutoff = staleBefore();
  const rows = await q.selectContacts(ctx.db, viewer, await searchTerms(ctx.db, query.q), query, cutoff);
  return {
    items: rows.map((row) => presentContact(row, viewer, lang, cutoff)),
    total: rows[0] ? Number(rows[0].total) : 0,
    limit: query.limit ?? 25,
    offset: query.offset ?? 0,
  };
}

async function loadVisible(db: Kysely<DB>, viewer: Viewer, id: string) {
  const [row] = await q.selectContactsById(db, [id]);
  // A contact the caller may not see does not exist for them: the answer does not reveal it.
  if (!row || !sees(viewer, { visibility: row.visibility, organisationId: row.organisation_id })) {
    throw new Problem('not_found', 'There is no contact with this identifier.');
  }
  return row;
}

/** One contact, if the caller may see it. */
export async function getContact(ctx: Context, id: string, lang?: Lang): Promise<ContactView> {
  const viewer = await viewerOf(ctx);
  return presentContact(await loadVisible(ctx.db, viewer, id), viewer, languageOf(ctx, lang));
}

function normalised(input: UpdateContactBody) {
  return {
    ...(input.organisationId !== undefined ? { organisation_id: input.organisationId } : {}),
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    ...(input.title !== undefined ? { title: input.title?.trim() || null } : {}),
    ...(input.emails !== undefined ? { emails: [...new Set(input.emails.map((e) => e.trim().toLowerCase()))] } : {}),
    ...(input.phones !== undefined ? { phones: input.phones.map((p) => p.trim()) } : {}),
    ...(input.languages !== undefined ? { languages: input.languages } : {}),
    ...(input.keyAreas !== undefined ? { key_areas: input.keyAreas } : {}),
    ...(input.competences !== undefined ? { competences: input.competences } : {}),
    ...(input.topics !== undefined ? { topics: input.topics.map((t) => t.trim()) } : {}),
    ...(input.countries !== undefined ? { countries: [...input.countries].sort() } : {}),
    ...(input.visibility !== undefined ? { visibility: input.visibility } : {}),
    ...(input.fallback !== undefined ? { fallback: input.fallback } : {}),
  };
}

async function searchText(
  db: Kysely<DB>,
  values: { organisation_id: string; key_areas: string[]; competences: string[]; countries: string[] },
) {
  const organisation = await db
    .selectFrom('organisation')
    .select(['acronym', 'name_en', 'code'])
    .where('id', '=', values.organisation_id)
    .executeTakeFirst();
  if (!organisation) throw new Problem('unknown_reference', 'The organisation does not exist.');
  return searchTextOf(await loadReference(db), {
    organisation: organisationLabel(organisation),
    keyAreas: values.key_areas,
    competences: values.competences,
    countries: values.countries,
  });
}

function assertMayMarkFallback(ctx: Context, input: UpdateContactBody) {
  if (input.fallback !== undefined && !holds(ctx.actor, 'directory.manage')) {
    throw new Problem('forbidden', 'Only the co-ordinator chooses the fallback contact.');
  }
}

/** Adds a contact to an organisation the caller keeps; it counts as confirmed today. */
export async function createContact(ctx: Context, input: CreateContactBody): Promise<ContactView> {
  assertAllowed(ctx.actor, 'directory.edit', { organisationId: input.organisationId });
  assertMayMarkFallback(ctx, input);
  const viewer = await viewerOf(ctx);
  const values = { key_areas: [], competences: [], countries: [], ...normalised(input), organisation_id: input.organisationId };
  const id = await inTransaction(ctx.db, async (trx) => {
    if (values.fallback) await q.clearFallback(trx, null);
    const { id } = await q.insertContact(trx, { ...values, name: input.name.trim(), search_text: await searchText(trx, values) });
    await audit(trx, ctx, {
      verb: 'directory.contact.create',
      recordType: 'directory_contact',
      recordId: id,
      details: { organisationId: input.organisationId, visibility: input.visibility ?? 'signed_in' },
    });
    return id;
  });
  return presentContact(await loadVisible(ctx.db, viewer, id), viewer, languageOf(ctx));
}

/** Changes a contact of an organisation the caller keeps (and, when moved, keeps the new one too). */
export async function updateContact(ctx: Context, id: string, input: UpdateContactBody): Promise<ContactView> {
  assertAllowed(ctx.actor, 'directory.edit');
  assertMayMarkFallback(ctx, input);
  const viewer = await viewerOf(ctx);
  await inTransaction(ctx.db, async (trx) => {
    const existing = await loadVisible(trx, viewer, id);
    assertAllowed(ctx.actor, 'directory.edit', { organisationId: existing.organisation_id });
    if (input.organisationId) assertAllowed(ctx.actor, 'directory.edit', { organisationId: input.organisationId });
    const values = normalised(input);
    const merged = {
      organisation_id: values.organisation_id ?? existing.organisation_id,
      key_areas: values.key_areas ?? existing.key_areas,
      competences: values.competences ?? existing.competences,
      countries: values.countries ?? existing.countries,
    };
    if (values.fallback) await q.clearFallback(trx, id);
    await q.updateContact(trx, id, { ...values, search_text: await searchText(trx, merged) });
    await audit(trx, ctx, {
      verb: 'directory.contact.update',
      recordType: 'directory_contact',
      recordId: id,
      details: { fields: Object.keys(input) },
    });
  });
  return presentContact(await loadVisible(ctx.db, viewer, id), viewer, languageOf(ctx));
}

/** Removes a contact; activities that named it keep no contact person. */
export async function deleteContact(ctx: Context, id: string): Promise<void> {
  assertAllowed(ctx.actor, 'directory.edit');
  const viewer = await viewerOf(ctx);
  await inTransaction(ctx.db, async (trx) => {
    const existing = await loadVisible(trx, viewer, id);
    if (!mayEdit(viewer, existing.organisation_id)) throw new Problem('forbidden');
    await q.deleteContact(trx, id);
    await audit(trx, ctx, {
      verb: 'directory.contact.delete',
      recordType: 'directory_contact',
      recordId: id,
      details: { organisationId: existing.organisation_id },
    });
  });
}

/** Confirms in one step that a contact's details are still right. */
export async function confirmContact(ctx: Context, id: string): Promise<ContactView> {
  assertAllowed(ctx.actor, 'directory.edit');
  const viewer = await viewerOf(ctx);
  await inTransaction(ctx.db, async (trx) => {
    const existing = await loadVisible(trx, viewer, id);
    if (!mayEdit(viewer, existing.organisation_id)) throw new Problem('forbidden');
    await q.confirmContact(trx, id);
    await audit(trx, ctx, { verb: 'directory.contact.confirm', recordType: 'directory_contact', recordId: id });
  });
  return presentContact(await loadVisible(ctx.db, viewer, id), viewer, languageOf(ctx));
}
