import { assertAllowed, holds } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { listMaterials } from '../materials/service.js';
import { daysOf, gainOf, manages, nominatesFor, presentNomination } from '../present.js';
import * as q from './queries.js';
import type {
  CourseBody,
  CourseQuery,
  CourseView,
  SessionBody,
  SessionPage,
  SessionQuery,
  SessionView,
  TrainersBody,
} from './schemas.js';

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
    actions: manages(ctx.actor, row.provider_id) ? ['schedule', 'edit'] : [],
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

/** Checks a course's form beyond its schema; returns the provider structure's id. */
async function checkCourse(ctx: Context, input: CourseBody): Promise<string> {
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
  return providerId;
}

const courseValues = (input: CourseBody) => ({
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

/** Adds a course to the catalogue: the co-ordinator, or a focal point for its own structure's courses. */
export async function createCourse(ctx: Context, input: CourseBody): Promise<CourseView> {
  await checkCourse(ctx, input);
  return inTransaction(ctx.db, async (trx) => {
    const { id } = await q.insertCourse(trx, courseValues(input));
    await q.insertQuestions(trx, id, input.questions ?? []);
    await audit(trx, ctx, { verb: 'training.course.create', recordType: 'training_course', recordId: id });
    const [row] = await q.selectCourses(trx, { ids: [id] });
    return presentCourse(ctx, row!);
  });
}

/**
 * Changes a course: its provider, before and after, must be the actor's. Its test's questions are
 * kept unless new ones are given, and those only while nobody has taken the test.
 */
export async function editCourse(ctx: Context, id: string, input: CourseBody): Promise<CourseView> {
  const [before] = await q.selectCourses(ctx.db, { ids: [id] });
  if (!before) throw new Problem('not_found', 'There is no such course.');
  if (!manages(ctx.actor, before.provider_id)) throw new Problem('forbidden');
  await checkCourse(ctx, input);
  return inTransaction(ctx.db, async (trx) => {
    await q.updateCourse(trx, id, courseValues(input));
    if (input.questions) {
      if (await q.courseTestTaken(trx, id)) {
        throw new Problem('conflict', 'The test of this course has been taken: its questions can no longer change.', {
          errors: [{ pointer: '/questions', message: 'Keep the questions: participants have answered them.' }],
        });
      }
      await q.replaceQuestions(trx, id, input.questions);
    }
    await audit(trx, ctx, { verb: 'training.course.edit', recordType: 'training_course', recordId: id });
    const [row] = await q.selectCourses(trx, { ids: [id] });
    return presentCourse(ctx, row!);
  });
}

/** Checks that each trainer is one expert of the roster or one external person. */
async function checkTrainers(ctx: Context, trainers: TrainersBody['trainers'], at: string) {
  for (const [i, trainer] of trainers.entries()) {
    if (!trainer.expertId === !trainer.externalName?.trim()) {
      throw new Problem('validation', 'A trainer is an expert of the roster or an external person.', {
        errors: [{ pointer: `${at}/${i}`, message: 'Choose an expert or give the name of an external trainer.' }],
      });
    }
  }
  const ids = trainers.flatMap((t) => (t.expertId ? [t.expertId] : []));
  const known = await q.existingExperts(ctx.db, ids);
  const unknown = trainers.findIndex((t) => t.expertId && !known.has(t.expertId));
  if (unknown >= 0) {
    throw new Problem('unknown_reference', 'This expert is not on the roster.', {
      errors: [{ pointer: `${at}/${unknown}/expertId`, message: 'Choose an expert of the roster.' }],
    });
  }
  if (new Set(ids).size !== ids.length) {
    throw new Problem('validation', 'An expert is named twice among the trainers.', {
      errors: [{ pointer: at, message: 'Name each trainer once.' }],
    });
  }
}

const trimmedTrainers = (trainers: TrainersBody['trainers']) =>
  trainers.map((t) => (t.expertId ? { expertId: t.expertId } : { externalName: t.externalName?.trim() }));

/** Replaces a session's trainers (its provider). */
export async function setTrainers(ctx: Context, id: string, input: TrainersBody): Promise<SessionView> {
  const row = await q.selectSession(ctx.db, id);
  if (!row) throw new Problem('not_found', 'There is no such session.');
  if (!manages(ctx.actor, await q.selectProviderId(ctx.db, row.provider_code))) throw new Problem('forbidden');
  await checkTrainers(ctx, input.trainers, '/trainers');
  return inTransaction(ctx.db, async (trx) => {
    await q.replaceTrainers(trx, id, trimmedTrainers(input.trainers));
    await audit(trx, ctx, {
      verb: 'training.session.trainers',
      recordType: 'training_session',
      recordId: id,
      details: { count: input.trainers.length },
    });
    return getSession({ ...ctx, db: trx }, id);
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
  await checkTrainers(ctx, input.trainers ?? [], '/trainers');
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
    await q.insertTrainers(trx, id, trimmedTrainers(input.trainers ?? []));
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
  const [trainers, lists, documents] = await Promise.all([
    q.selectTrainers(ctx.db, id),
    q.selectNominations(ctx.db, id),
    listMaterials(ctx, id, providerId),
  ]);
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
    documents,
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
