import { sql } from 'kysely';
import { expect } from 'vitest';
import type { ActivityView } from '../../directory/activities/schemas.js';
import type { ContactView } from '../../directory/contacts/schemas.js';
import type { Persona, TestApp } from '../app.js';

/** Test helpers of the directory: organisations by code, contacts and activities added through the API. */
export async function organisationId(t: TestApp, code: string): Promise<string> {
  const row = await t.database.db.selectFrom('organisation').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
}

export async function addContact(t: TestApp, persona: Persona, body: Record<string, unknown>): Promise<ContactView> {
  const response = await t.request(persona, { method: 'POST', url: '/api/directory/contacts', payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export async function addActivity(t: TestApp, persona: Persona, body: Record<string, unknown>): Promise<ActivityView> {
  const response = await t.request(persona, { method: 'POST', url: '/api/directory/activities', payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** Sets when a contact was last confirmed, as if time had passed. */
export async function confirmedDaysAgo(t: TestApp, contactId: string, days: number) {
  await t.database.db
    .updateTable('directory_contact')
    .set({ confirmed_at: new Date(Date.now() - days * 24 * 3600 * 1000) })
    .where('id', '=', contactId)
    .execute();
}

/** A digest of everything an import may change in the directory, to show that a refused one changed nothing. */
export async function directorySnapshot(t: TestApp): Promise<string | undefined> {
  const { rows } = await sql<{ state: string }>`
    select md5(coalesce((select string_agg(a::text, '|' order by a.id) from directory_activity a), '')
      || coalesce((select string_agg(p::text, '|' order by p.activity_id, p.country_iso2) from directory_activity_place p), '')
      || coalesce((select string_agg(c::text, '|' order by c.id) from directory_contact c), '')
      || (select string_agg(o::text, '|' order by o.id) from organisation o)) as state`.execute(t.database.db);
  return rows[0]?.state;
}
