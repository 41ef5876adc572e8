import { type Insertable, type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { TrainingNominationTable } from '../tables.js';

/** A nomination with what deciding on it needs: its session, course and provider. */
export async function selectNomination(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('training_nomination as n')
    .innerJoin('training_session as s', 's.id', 'n.session_id')
    .innerJoin('training_course as c', 'c.id', 's.course_id')
    .leftJoin('organisation as o', 'o.code', 'c.provider_code')
    .select([
      'n.id',
      'n.session_id',
      'n.name',
      'n.status',
      'n.user_id',
      'n.expert_id',
      'n.nominated_by',
      'n.country_iso2',
      'n.completed_on',
      's.starts_on',
      's.ends_on',
      's.capacity',
      'c.id as course_id',
      'c.code as course_code',
      'c.title as course_title',
      'c.duration_hours',
      'c.grants_prerequisite',
      'c.grants_validity_months',
      'c.grants_competence',
      'c.grants_level',
      'o.id as provider_id',
      'o.name_en as provider_name',
    ])
    .where('n.id', '=', id)
    .executeTakeFirst();
}
export type NominationRow = NonNullable<Awaited<ReturnType<typeof selectNomination>>>;

export async function selectSessionName(db: Kysely<DB>, sessionId: string) {
  return db
    .selectFrom('training_session as s')
    .innerJoin('training_course as c', 'c.id', 's.course_id')
    .leftJoin('organisation as o', 'o.code', 'c.provider_code')
    .select(['s.id', 'c.code as course_code', 'c.title as course_title', 's.starts_on', 'o.id as provider_id', 's.capacity'])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

export async function selectUserByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('app_user').select('id').where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
}

/** The roster expert an account belongs to, if any. */
export async function selectExpertOfUser(db: Kysely<DB>, userId: string) {
  return (await db.selectFrom('expert').select('id').where('user_id', '=', userId).executeTakeFirst())?.id ?? null;
}

export async function expertExists(db: Kysely<DB>, id: string) {
  return (await db.selectFrom('expert').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function insertNomination(db: Kysely<DB>, values: Insertable<TrainingNominationTable>) {
  return db.insertInto('training_nomination').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Selected nominations of a session, its row locked so that two selections cannot both take the last place. */
export async function countSelectedLocked(db: Kysely<DB>, sessionId: string) {
  await db.selectFrom('training_session').select('id').where('id', '=', sessionId).forUpdate().execute();
  const row = await db
    .selectFrom('training_nomination')
    .select((e) => e.fn.countAll<string>().as('n'))
    .where('session_id', '=', sessionId)
    .where('status', '=', 'selected')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateDecision(
  db: Kysely<DB>,
  id: string,
  values: { status: 'selected' | 'waitlisted' | 'declined'; reason: string; decided_by: string | null },
) {
  await db
    .updateTable('training_nomination')
    .set({ ...values, decided_at: new Date() })
    .where('id', '=', id)
    .execute();
}
