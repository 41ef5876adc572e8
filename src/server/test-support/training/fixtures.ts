import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { NominationStatus } from '../../training/tables.js';

/** The id of a course of the catalogue by its code (HC-POLICE is ODIHR's, the focal-point persona's structure). */
export async function courseId(db: Kysely<DB>, code = 'HC-POLICE'): Promise<string> {
  return (await db.selectFrom('training_course').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** A session written straight to the database for tests. */
export async function insertTestSession(
  db: Kysely<DB>,
  f: { course?: string; startsOn?: string; endsOn?: string; capacity?: number } = {},
): Promise<string> {
  const { id } = await db
    .insertInto('training_session')
    .values({
      course_id: await courseId(db, f.course),
      starts_on: f.startsOn ?? '2027-03-01',
      ends_on: f.endsOn ?? '2027-03-02',
      online: false,
      venue: 'Vienna, Hofburg',
      language_code: 'en',
      capacity: f.capacity ?? 20,
      host_organisation_id: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A nomination from Austria, written straight to the database. */
export async function insertTestNomination(
  db: Kysely<DB>,
  sessionId: string,
  f: { status?: NominationStatus; userId?: string | null; expertId?: string | null; country?: string; name?: string } = {},
): Promise<string> {
  const { id } = await db
    .insertInto('training_nomination')
    .values({
      session_id: sessionId,
      country_iso2: f.country ?? 'AT',
      name: f.name ?? 'Test Officer',
      email: null,
      user_id: f.userId ?? null,
      expert_id: f.expertId ?? null,
      function: 'Police inspector',
      agency_type: 'police',
      gender: 'female',
      languages: ['en'],
      consent: true,
      status: f.status ?? 'nominated',
      reason: f.status === 'declined' ? 'Test' : '',
      nominated_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A selected participant present on every day of a fresh two-day session. */
export async function insertTestParticipant(db: Kysely<DB>, f: { userId?: string | null; expertId?: string | null } = {}) {
  const sessionId = await insertTestSession(db);
  const nominationId = await insertTestNomination(db, sessionId, { status: 'selected', ...f });
  await db
    .insertInto('training_attendance')
    .values(['2027-03-01', '2027-03-02'].map((day) => ({ nomination_id: nominationId, day, present: true })))
    .execute();
  return { sessionId, nominationId };
}

/** A certificate row (its signature is not checked by the routes that only read or revoke it). */
export async function insertTestCertificate(db: Kysely<DB>, nominationId?: string): Promise<string> {
  const nomination = nominationId ?? (await insertTestParticipant(db)).nominationId;
  const group = () => randomBytes(2).toString('hex').toUpperCase();
  const code = `${group()}-${group()}-${group()}`;
  const payload = JSON.stringify({
    v: 1,
    code,
    participant: 'Test Officer',
    course: 'Hate crime',
    courseCode: 'HC-POLICE',
    provider: 'ODIHR',
    startsOn: '2027-03-01',
    endsOn: '2027-03-02',
    hours: 24,
    issuedOn: '2027-03-02',
  });
  await db.insertInto('training_certificate').values({ nomination_id: nomination, code, payload, signature: 'AAAA' }).execute();
  return code;
}

/** A plain-text material of a session, written straight to the database. */
export async function insertTestMaterial(db: Kysely<DB>, sessionId: string, text = 'Day 1: bias indicators.'): Promise<string> {
  const content = Buffer.from(text, 'utf8');
  const { id } = await db
    .insertInto('training_material')
    .values({
      session_id: sessionId,
      title: 'Agenda',
      file_name: 'agenda.txt',
      media_type: 'text/plain',
      byte_size: content.length,
      sha256: createHash('sha256').update(content).digest(),
      content,
      uploaded_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
