import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { TestKind } from '../tables.js';
import type { EvaluationQuery } from './schemas.js';

export async function selectOwnNominations(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('training_nomination as n')
    .innerJoin('training_session as s', 's.id', 'n.session_id')
    .innerJoin('training_course as c', 'c.id', 's.course_id')
    .leftJoin('training_certificate as cert', 'cert.nomination_id', 'n.id')
    .leftJoin('training_evaluation_receipt as r', 'r.nomination_id', 'n.id')
    .select((eb) => [
      'n.id',
      'n.session_id',
      'c.title as course_title',
      's.starts_on',
      's.ends_on',
      'n.status',
      'n.reason',
      'n.completed_on',
      'cert.code as certificate_code',
      'cert.revoked_at',
      'r.nomination_id as evaluated',
      eb
        .selectFrom('training_question as q')
        .whereRef('q.course_id', '=', 'c.id')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('question_count'),
    ])
    .where('n.user_id', '=', userId)
    .orderBy('s.starts_on', 'desc')
    .execute();
}

export async function selectAttempts(db: Kysely<DB>, nominationIds: string[]) {
  if (nominationIds.length === 0) return [];
  return db
    .selectFrom('training_attempt')
    .select(['nomination_id', 'kind', 'score', 'max_score', 'submitted_at'])
    .where('nomination_id', 'in', nominationIds)
    .execute();
}

/** Records an attempt unless one exists: the primary key settles a race, and the loser gets nothing back. */
export async function insertAttempt(
  db: Kysely<DB>,
  values: { nomination_id: string; kind: TestKind; answers: string; score: number; max_score: number },
) {
  return db
    .insertInto('training_attempt')
    .values(values)
    .onConflict((oc) => oc.columns(['nomination_id', 'kind']).doNothing())
    .returning('nomination_id')
    .executeTakeFirst();
}

export async function selectSessionNominations(db: Kysely<DB>, sessionId: string) {
  return db.selectFrom('training_nomination').select(['id', 'status']).where('session_id', '=', sessionId).execute();
}

export async function upsertAttendance(db: Kysely<DB>, rows: Array<{ nomination_id: string; day: string; present: boolean }>) {
  await db
    .insertInto('training_attendance')
    .values(rows)
    .onConflict((oc) => oc.columns(['nomination_id', 'day']).doUpdateSet({ present: (eb) => eb.ref('excluded.present') }))
    .execute();
}

/** Records that the participant answered, unless they already had; returns whether this is the first time. */
export async function insertReceipt(db: Kysely<DB>, nominationId: string) {
  const row = await db
    .insertInto('training_evaluation_receipt')
    .values({ nomination_id: nominationId })
    .onConflict((oc) => oc.column('nomination_id').doNothing())
    .returning('nomination_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertEvaluation(
  db: Kysely<DB>,
  values: { session_id: string; relevance: number; content: number; trainers: number; organisation: number; comment: string },
) {
  await db.insertInto('training_evaluation').values(values).execute();
}

/** The evaluations a filter holds: their count always, their answers only when asked (enough of them). */
export function evaluationsOf(db: Kysely<DB>, query: EvaluationQuery) {
  let select = db.selectFrom('training_evaluation as e').innerJoin('training_session as s', 's.id', 'e.session_id');
  if (query.sessionId) select = select.where('e.session_id', '=', query.sessionId);
  if (query.courseId) select = select.where('s.course_id', '=', query.courseId);
  if (query.hostOrganisationId) select = select.where('s.host_organisation_id', '=', query.hostOrganisationId);
  if (query.year) select = select.where(sql<number>`extract(year from s.starts_on)`, '=', query.year);
  return select;
}
