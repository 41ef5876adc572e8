import { assertAllowed, holds } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { daysOf, gainOf, manages, nominatesFor, presentNomination } from '../present.js';
import * as q from './queries.js';
import type { CourseBody, CourseQuery, CourseView, SessionBody, SessionPage, SessionQuery, SessionView } from './schemas.js';

function presentCourse(ctx: Context, row: q.CourseRow): CourseView {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    objectives: row.objectives,
    provider: { code: row.provider_code, name: row.provider_name ?? row.provider_code },
    audiences: row.audiences as CourseView['audiences'],
    durationHours: row.duration_hours,
    languages: row.languages,
    prerequisites: row.prerequisites,
    keyArea: row.key_area_code,
    grantsPrerequisite: row.grants_prerequisite,
    grantsValidityMonths: row.grants_validity_months,
    grantsCompetence: row.grants_competence,
    grantsLevel: row.grants_level,
    questionCount: Number(row.question_count ?? 0),
    sessionCount: Number(row.session_count ?? 0),
    actions: manages(ctx.actor, row.provider_id) ? ['schedule'] : [],
  };
}

/** The course catalogue, filtered by key area, audience and words. */
export async function listCourses(ctx: Context, query: CourseQuery) {
  const rows = await q.selectCourses(ctx.db, query);
  return { items: rows.map((row) => presentCourse(ctx, row)), canCreate: holds(ctx.actor, 'training.manage') };
}

export async function getCourse(ctx: Context, id: string): Promise<CourseView> {
  const [row] = await q.selectCourses(ctx.db, { ids: [id] });
  if (!row) throw new Problem('not_found', 'There is no such course.');
  return presentCourse(ctx, row);
}

/** Adds a course to the catalogue: the co-ordinator, or a focal point for its own structure's courses. */
export async function createCourse(ctx: Context, input: CourseBody): Promise<CourseView> {
  const providerId = await q.selectProviderId(ctx.db, input.providerCode);
  if (!providerId) {
    throw new Problem('validation', 'There is no such provider structure.', {
      errors: [{ pointer: '/providerCode', message: 'Choose an OSCE structure.' }],
    });
  }
  assertAllowed(ctx.actor, 'training.manage', { organisationId: providerId });
  if (((input.grantsCompetence ?? null) === null) !== ((input.grantsLevel ?? null) === null)) {
    throw new Problem('validation', 'A competence is granted with a level.', {
      errors: [{ pointer: '/grantsLevel', message: 'Give the level the course raises the competence to.' }],
    });
  }
  for (const [i, question] of (input.questions ?? []).entries()) {
    if (question.correct >= question.options.length) {
      throw new Problem('validation', 'The correct answer must be one of the options.', {
        errors: [{ pointer: `/questions/${i}/correct`, message: 'Choose one of the options.' }],
      });
    }
  }
  return inTransaction(ctx.db, async (trx) => {
    const { id } = await q.insertCourse(trx, {
      code: input.code,
      title: input.title.trim(),
      objectives: input.objectives,
      provider_code: input.providerCode,
      audiences: input.audiences,
      duration_hours: input.durationHours,
      languages: input.languages,
      prerequisites: input.prerequisites ?? '',
      key_area_code: input.keyArea,
      grants_prerequisite: input.grantsPrerequisite ?? null,
      grants_validity_months: input.grantsPrerequisite ? (input.grantsValidityMonths ?? null) : null,
      grants_competence: input.grantsCompetence ?? null,
      grants_level: input.grantsLevel ?? null,
    });
    await q.insertQuestions(trx, id, input.questions ?? []);
    await audit(trx, ctx, { verb: 'training.course.create', recordType: 'training_course', recordId: id });
    const [row] = await q.selectCourses(trx, { ids: [id] });
    return presentCourse(ctx, row!);
  });
}

const summary = (row: q.SessionRow) => ({
  id: row.id,
  course: { id: row.course_id, code: row.course_code, title: row.course_title, durationHours: row.duration_hours },
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  online: row.online,
  venue: row.venue,
  language: row.language_code,
  capacity: row.capacity,
  selected: Number(row.selected ?? 0),
  host: row.host_organisation_id ? { id: row.host_organisation_id, name: row.host_name ?? '' } : null,
});

/** Sessions, newest first, by course, year and host field operation. */
export async function listSessions(ctx: Context, query: SessionQuery): Promise<SessionPage> {
  const { rows, total } = await q.searchSessions(ctx.db, query);
  return { items: rows.map(summary), total, limit: query.limit ?? 50, offset: query.offset ?? 0 };
}

/** Schedules a session of a course. */
export async function createSession(ctx: Context, input: SessionBody): Promise<SessionView> {
  const [course] = await q.selectCourses(ctx.db, { ids: [input.courseId] });
  if (!course) {
    throw new Problem('unknown_reference', 'There is no such course.', {
      errors: [{ pointer: '/courseId', message: 'Choose a course of the catalogue.' }],
    });
  }
  if (!manages(ctx.actor, course.provider_id)) throw new Problem('forbidden');
  if (input.endsOn < input.startsOn) {
    throw new Problem('validation', 'A session cannot end before it starts.', {
      errors: [{ pointer: '/endsOn', message: 'The last day is before the first.' }],
    });
  }
  if (!input.online && !input.venue?.trim()) {
    throw new Problem('validation', 'A session in person needs a venue.', {
      errors: [{ pointer: '/venue', message: 'Say where the session takes place, or mark it online.' }],
    });
  }
  for (const [i, trainer] of (input.trainers ?? []).entries()) {
    if (!trainer.expertId === !trainer.externalName) {
      throw new Problem('validation', 'A trainer is an expert of the roster or an external person.', {
        errors: [{ pointer: `/trainers/${i}`, message: 'Choose an expert or give the name of an external trainer.' }],
      });
    }
  }
  return inTransaction(ctx.db, async (trx) => {
    const { id } = await q.insertSession(trx, {
      course_id: input.courseId,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      online: input.online,
      venue: input.venue?.trim() ?? '',
      language_code: input.language,
      capacity: input.capacity,
      host_organisation_id: input.hostOrganisationId ?? null,
      agenda: input.agenda ?? '',
      materials: JSON.stringify(input.materials ?? []),
      created_by: ctx.actor?.userId ?? null,
    });
    await q.insertTrainers(trx, id, input.trainers ?? []);
    await audit(trx, ctx, { verb: 'training.session.create', recordType: 'training_session', recordId: id });
    return getSession({ ...ctx, db: trx }, id);
  });
}

/**
 * A session with its course, trainers and the nominations the actor may see: all of them for its
 * provider, those of its own States for a delegation, one's own for a participant.
 */
export async function getSession(ctx: Context, id: string): Promise<SessionView> {
  const row = await q.selectSession(ctx.db, id);
  if (!row) throw new Problem('not_found', 'There is no such session.');
  const course = await getCourse(ctx, row.course_id);
  const providerId = await q.selectProviderId(ctx.db, row.provider_code);
  const isManager = manages(ctx.actor, providerId);
  const countries = nominatesFor(ctx.actor);
  const [trainers, lists] = await Promise.all([q.selectTrainers(ctx.db, id), q.selectNominations(ctx.db, id)]);
  const visible = lists.rows.filter(
    (n) =>
      isManager ||
      countries === null ||
      countries.includes(n.country_iso2) ||
      (ctx.actor !== null && n.user_id === ctx.actor.userId),
  );
  // Results are the provider's and the participant's own: a delegation sees who was selected, not their scores.
  const nominations = visible.map((n) => {
    const view = presentNomination(n, lists);
    if (isManager || (ctx.actor !== null && n.user_id === ctx.actor.userId)) return view;
    return { ...view, attendance: [], preScore: null, postScore: null, gain: null };
  });
  const others = visible.filter((n) => n.user_id !== ctx.actor?.userId);
  if (others.length > 0) {
    await audit(ctx.db, ctx, {
      verb: 'training.nominations.read',
      recordType: 'training_session',
      recordId: id,
      details: { count: others.length },
    });
  }
  const gains = isManager ? nominations.map((n) => n.gain).filter((g): g is number => g !== null) : [];
  return {
    ...summary(row),
    course,
    agenda: row.agenda,
    materials: row.materials,
    days: daysOf(row.starts_on, row.ends_on),
    trainers: trainers.map((t) => ({ expertId: t.expert_id, name: t.expert_name ?? t.external_name ?? '' })),
    nominations,
    meanGain: gains.length ? gainOf(0, gains.reduce((a, b) => a + b, 0) / gains.length) : null,
    actions: [
      ...(countries === null || countries.length > 0 ? (['nominate'] as const) : []),
      ...(isManager ? (['manage'] as const) : []),
    ],
    nominateCountries: countries,
  };
}
