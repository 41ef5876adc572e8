import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Gender, RegistrationStatus } from '../../conferences/tables.js';
import type { DB } from '../../db/schema.js';

/** The id of an organisation by its code (ODIHR is the focal-point persona's structure). */
export async function organisationId(db: Kysely<DB>, code = 'ODIHR'): Promise<string> {
  return (await db.selectFrom('organisation').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** An upcoming event of ODIHR in Vienna, written straight to the database for tests. */
export async function insertTestEvent(
  db: Kysely<DB>,
  f: { public?: boolean; capacity?: number; delegationCapacity?: number | null; startsAt?: string; endsAt?: string } = {},
): Promise<string> {
  const { id } = await db
    .insertInto('conference_event')
    .values({
      kind: 'expert_conference',
      title: 'Expert conference on the migration challenge',
      organiser_id: await organisationId(db),
      starts_at: f.startsAt ?? '2099-03-01T08:00:00Z',
      ends_at: f.endsAt ?? '2099-03-02T16:00:00Z',
      time_zone: 'Europe/Vienna',
      venue: 'Vienna, Hofburg',
      online_url: null,
      languages: ['en', 'ru'],
      public: f.public ?? true,
      capacity: f.capacity ?? 100,
      delegation_capacity: f.delegationCapacity ?? null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A registration from Austria, written straight to the database; returns its token. */
export async function insertTestRegistration(
  db: Kysely<DB>,
  eventId: string,
  f: { status?: RegistrationStatus; country?: string; name?: string; listed?: boolean; gender?: Gender | null } = {},
): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await db
    .insertInto('conference_registration')
    .values({
      event_id: eventId,
      name: f.name ?? 'Anna Gruber',
      email: 'anna.gruber@example.org',
      country_iso2: f.country ?? 'AT',
      organisation_id: null,
      organisation_name: 'Federal Ministry of the Interior',
      function: 'Head of unit',
      status: f.status ?? 'confirmed',
      listed: f.listed ?? true,
      gender: f.gender ?? null,
      token,
      user_id: null,
      checked_in_at: null,
    })
    .execute();
  return token;
}

/** A session of a new test event, written straight to the database. */
export async function insertTestSession(db: Kysely<DB>): Promise<{ event: string; session: string }> {
  const event = await insertTestEvent(db);
  const { id } = await db
    .insertInto('conference_session')
    .values({ event_id: event, title: 'Opening', starts_at: '2099-03-01T08:00:00Z', ends_at: '2099-03-01T09:00:00Z' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { event, session: id };
}

/** A public plain-text document of a session of a new public test event. */
export async function insertTestDocument(db: Kysely<DB>): Promise<{ event: string; session: string; document: string }> {
  const { event, session } = await insertTestSession(db);
  const content = Buffer.from('Speaking notes of the opening session.');
  const { id } = await db
    .insertInto('conference_session_document')
    .values({
      session_id: session,
      title: 'Speaking notes',
      visibility: 'public',
      file_name: 'notes.txt',
      media_type: 'text/plain',
      byte_size: content.length,
      sha256: createHash('sha256').update(content).digest(),
      content,
      uploaded_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { event, session, document: id };
}
