import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { TrainingCourseTable, TrainingSessionTable } from '../tables.js';
import type { CourseQuery, SessionQuery } from './schemas.js';

export async function selectCourses(db: Kysely<DB>, query: CourseQuery & { ids?: string[] }) {
  let select = db
    .selectFrom('training_course as c')
    .leftJoin('organisation as o', 'o.code', 'c.provider_code')
    .select((eb) => [
      'c.id',
      'c.code',
      'c.title',
      'c.objectives',
      'c.provider_code',
      'o.id as provider_id',
      'o.name_en as provider_name',
      'c.audiences',
      'c.duration_hours',
      'c.languages',
      'c.prerequisites',
      'c.key_area_code',
      'c.grants_prerequisite',
      'c.grants_validity_months',
      'c.grants_competence',
      'c.grants_level',
      eb
        .selectFrom('training_question as q')
        .whereRef('q.course_id', '=', 'c.id')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('question_count'),
      eb
        .selectFrom('training_session as s')
        .whereRef('s.course_id', '=', 'c.id')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('session_count'),
    ])
    .orderBy('c.code');
  if (query.ids) select = select.where('c.id', 'in', query.ids.length ? query.ids : ['00000000-0000-0000-0000-000000000000']);
  if (query.keyArea) select = select.where('c.key_area_code', '=', query.keyArea);
  if (query.audience) select = select.where(sql<boolean>`${query.audience} = any(c.audiences)`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    select = select.where((eb) => eb.or([eb('c.title', 'ilike', like), eb('c.objectives', 'ilike', like)]));
  }
  return select.execute();
}
export type CourseRow = Awaited<ReturnType<typeof selectCourses>>[number];

export async function selectProviderId(db: Kysely<DB>, code: string) {
  return (await db.selectFrom('organisation').select('id').where('code', '=', code).executeTakeFirst())?.id ?? null;
}

export async function insertCourse(db: Kysely<DB>, values: Insertable<TrainingCourseTable>) {
  return db.insertInto('training_course').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updateCourse(db: Kysely<DB>, id: string, values: Updateable<TrainingCourseTable>) {
  await db.updateTable('training_course').set(values).where('id', '=', id).execute();
}

export async function insertQuestions(
  db: Kysely<DB>,
  courseId: string,
  questions: ReadonlyArray<{ text: string; options: string[]; correct: number }>,
) {
  if (questions.length === 0) return;
  await db
    .insertInto('training_question')
    .values(
      questions.map((q, i) => ({
        course_id: courseId,
        position: i + 1,
        text: q.text,
        options: JSON.stringify(q.options),
        correct: q.correct,
      })),
    )
    .execute();
}

/** Replaces a course's questions. */
export async function replaceQuestions(
  db: Kysely<DB>,
  courseId: string,
  questions: ReadonlyArray<{ text: string; options: string[]; correct: number }>,
) {
  await db.deleteFrom('training_question').where('course_id', '=', courseId).execute();
  await insertQuestions(db, courseId, questions);
}

/** Whether anyone has taken a test of the course. */
export async function courseTestTaken(db: Kysely<DB>, courseId: string): Promise<boolean> {
  const row = await db
    .selectFrom('training_attempt as a')
    .innerJoin('training_nomination as n', 'n.id', 'a.nomination_id')
    .innerJoin('training_session as s', 's.id', 'n.session_id')
    .select('a.nomination_id')
    .where('s.course_id', '=', courseId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function selectQuestions(db: Kysely<DB>, courseId: string) {
  return db
    .selectFrom('training_question')
    .select(['id', 'position', 'text', 'options', 'correct'])
    .where('course_id', '=', courseId)
    .orderBy('position')
    .execute();
}

function sessionBase(db: Kysely<DB>) {
  return db
    .selectFrom('training_session as s')
    .innerJoin('training_course as c', 'c.id', 's.course_id')
    .leftJoin('organisation as h', 'h.id', 's.host_organisation_id')
    .select((eb) => [
      's.id',
      's.course_id',
      'c.code as course_code',
      'c.title as course_title',
      'c.duration_hours',
      'c.provider_code',
      's.starts_on',
      's.ends_on',
      's.online',
      's.venue',
      's.language_code',
      's.capacity',
      's.host_organisation_id',
      'h.name_en as host_name',
      's.agenda',
      's.materials',
      eb
        .selectFrom('training_nomination as n')
        .whereRef('n.session_id', '=', 's.id')
        .where('n.status', '=', 'selected')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('selected'),
    ]);
}
export type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionBase>['execute']>>[number];

export async function searchSessions(db: Kysely<DB>, query: SessionQuery) {
  let where = sessionBase(db);
  if (query.courseId) where = where.where('s.course_id', '=', query.courseId);
  if (query.hostOrganisationId) where = where.where('s.host_organisation_id', '=', query.hostOrganisationId);
  if (query.year) {
    where = where.where('s.starts_on', '>=', `${query.year}-01-01`).where('s.starts_on', '<=', `${query.year}-12-31`);
  }
  const [rows, total] = await Promise.all([
    where
      .orderBy('s.starts_on', 'desc')
      .orderBy('s.id')
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0)
      .execute(),
    where
      .clearSelect()
      .select((e) => e.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function selectSession(db: Kysely<DB>, id: string) {
  return sessionBase(db).where('s.id', '=', id).executeTakeFirst();
}

export async function selectTrainers(db: Kysely<DB>, sessionId: string) {
  return db
    .selectFrom('training_trainer as t')
    .leftJoin('expert as e', 'e.id', 't.expert_id')
    .select(['t.expert_id', 't.external_name', 'e.name as expert_name'])
    .where('t.session_id', '=', sessionId)
    .orderBy('t.position')
    .orderBy('t.id')
    .execute();
}

export async function insertSession(db: Kysely<DB>, values: Insertable<TrainingSessionTable>) {
  return db.insertInto('training_session').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function insertTrainers(
  db: Kysely<DB>,
  sessionId: string,
  trainers: ReadonlyArray<{ expertId?: string | undefined; externalName?: string | undefined }>,
) {
  if (trainers.length === 0) return;
  await db
    .insertInto('training_trainer')
    .values(
      trainers.map((t, i) => ({
        session_id: sessionId,
        expert_id: t.expertId ?? null,
        external_name: t.externalName ?? null,
        position: i,
      })),
    )
    .execute();
}

/** Replaces a session's trainers. */
export async function replaceTrainers(
  db: Kysely<DB>,
  sessionId: string,
  trainers: ReadonlyArray<{ expertId?: string | undefined; externalName?: string | undefined }>,
) {
  await db.deleteFrom('training_trainer').where('session_id', '=', sessionId).execute();
  await insertTrainers(db, sessionId, trainers);
}

/** Which of these experts exist on the roster. */
export async function existingExperts(db: Kysely<DB>, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('expert').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** The nominations of a session with their attendance, test scores and certificate. */
export async function selectNominations(db: Kysely<DB>, sessionId: string) {
  const rows = await db
    .selectFrom('training_nomination as n')
    .leftJoin('training_certificate as cert', 'cert.nomination_id', 'n.id')
    .select([
      'n.id',
      'n.name',
      'n.email',
      'n.country_iso2',
      'n.function',
      'n.agency_type',
      'n.gender',
      'n.languages',
      'n.status',
      'n.reason',
      'n.expert_id',
      'n.user_id',
      'n.completed_on',
      'cert.code as certificate_code',
      'cert.revoked_at',
    ])
    .where('n.session_id', '=', sessionId)
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute();
  const ids = rows.map((r) => r.id);
  const [attendance, attempts] = ids.length
    ? await Promise.all([
        db.selectFrom('training_attendance').selectAll().where('nomination_id', 'in', ids).orderBy('day').execute(),
        db
          .selectFrom('training_attempt')
          .select(['nomination_id', 'kind', 'score', 'max_score'])
          .where('nomination_id', 'in', ids)
          .execute(),
      ])
    : [[], []];
  return { rows, attendance, attempts };
}
