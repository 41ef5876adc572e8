import { assertAllowed } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { selectProviderId, selectQuestions, selectSession } from '../catalogue/queries.js';
import type { SessionView } from '../catalogue/schemas.js';
import { getSession } from '../catalogue/service.js';
import { selectNomination } from '../nominations/queries.js';
import { daysOf, gainOf, manages, percent } from '../present.js';
import type { TestKind } from '../tables.js';
import * as q from './queries.js';
import type {
  AnswersBody,
  AttendanceBody,
  EvaluationBody,
  EvaluationQuery,
  EvaluationSummary,
  MyTraining,
  TestView,
} from './schemas.js';
import { scoreAnswers } from './scoring.js';

/** Evaluation results appear only from this many answers up, whatever the filter, so that no answer can be singled out. */
export const MIN_EVALUATIONS = 5;

/** The provider records who was there on each day of the session (selected participants only). */
export async function recordAttendance(ctx: Context, sessionId: string, input: AttendanceBody): Promise<SessionView> {
  const session = await selectSession(ctx.db, sessionId);
  if (!session) throw new Problem('not_found', 'There is no such session.');
  if (!manages(ctx.actor, await selectProviderId(ctx.db, session.provider_code))) throw new Problem('forbidden');
  const days = new Set(daysOf(session.starts_on, session.ends_on));
  const nominations = new Map((await q.selectSessionNominations(ctx.db, sessionId)).map((n) => [n.id, n.status]));
  input.entries.forEach((entry, i) => {
    if (nominations.get(entry.nominationId) !== 'selected') {
      throw new Problem('validation', 'Attendance is kept for the selected participants of this session.', {
        errors: [{ pointer: `/entries/${i}/nominationId`, message: 'Not a selected participant of this session.' }],
      });
    }
    if (!days.has(entry.day)) {
      throw new Problem('validation', 'The day is not one of the session’s.', {
        errors: [{ pointer: `/entries/${i}/day`, message: `Between ${session.starts_on} and ${session.ends_on}.` }],
      });
    }
  });
  return inTransaction(ctx.db, async (trx) => {
    await q.upsertAttendance(
      trx,
      input.entries.map((e) => ({ nomination_id: e.nominationId, day: e.day, present: e.present })),
    );
    await audit(trx, ctx, {
      verb: 'training.attendance',
      recordType: 'training_session',
      recordId: sessionId,
      details: { entries: input.entries.length },
    });
    return getSession({ ...ctx, db: trx }, sessionId);
  });
}

/**
 * A selected participation: the participant's own, or (with `provider`) one the actor runs the
 * course of, to enter a test taken on paper; anyone else is refused.
 */
async function selectedParticipation(ctx: Context, nominationId: string, options: { provider: boolean }) {
  if (!ctx.actor) throw new Problem('unauthenticated');
  const nomination = await selectNomination(ctx.db, nominationId);
  if (!nomination) throw new Problem('not_found', 'There is no such participation.');
  const own = nomination.user_id === ctx.actor.userId;
  if (!own && !(options.provider && manages(ctx.actor, nomination.provider_id))) throw new Problem('forbidden');
  if (nomination.status !== 'selected')
    throw new Problem('conflict', 'Only selected participants take the tests and evaluate the session.');
  return nomination;
}

/** The signed-in person's own nominations, results and certificates. */
export async function myTraining(ctx: Context): Promise<MyTraining> {
  if (!ctx.actor) throw new Problem('unauthenticated');
  const rows = await q.selectOwnNominations(ctx.db, ctx.actor.userId);
  const attempts = await q.selectAttempts(
    ctx.db,
    rows.map((r) => r.id),
  );
  const scoreOf = (id: string, kind: TestKind) => {
    const a = attempts.find((x) => x.nomination_id === id && x.kind === kind);
    return a ? percent(a.score, a.max_score) : null;
  };
  return {
    items: rows.map((r) => ({
      nominationId: r.id,
      sessionId: r.session_id,
      course: r.course_title,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      status: r.status,
      reason: r.reason,
      preScore: scoreOf(r.id, 'pre'),
      postScore: scoreOf(r.id, 'post'),
      gain: gainOf(scoreOf(r.id, 'pre'), scoreOf(r.id, 'post')),
      hasQuestions: Number(r.question_count ?? 0) > 0,
      evaluated: r.evaluated !== null,
      completedOn: r.completed_on,
      certificateCode: r.certificate_code,
      certificateRevoked: r.revoked_at !== null,
    })),
  };
}

/** A test as the participant takes it: the questions without their answers, and their attempt if made. */
export async function getTest(ctx: Context, nominationId: string, kind: TestKind): Promise<TestView> {
  const nomination = await selectedParticipation(ctx, nominationId, { provider: true });
  const questions = await selectQuestions(ctx.db, nomination.course_id);
  const [attempt] = (await q.selectAttempts(ctx.db, [nominationId])).filter((a) => a.kind === kind);
  return {
    kind,
    course: nomination.course_title,
    questions: questions.map((question) => ({ text: question.text, options: question.options })),
    attempt: attempt
      ? {
          score: attempt.score,
          max: attempt.max_score,
          percent: percent(attempt.score, attempt.max_score),
          submittedAt: new Date(attempt.submitted_at).toISOString(),
        }
      : null,
  };
}

/** Submits a test, once: a second submission, even one racing the first, is refused. */
export async function submitTest(ctx: Context, nominationId: string, kind: TestKind, input: AnswersBody): Promise<TestView> {
  const nomination = await selectedParticipation(ctx, nominationId, { provider: true });
  const questions = await selectQuestions(ctx.db, nomination.course_id);
  if (questions.length === 0) throw new Problem('conflict', 'This course has no test.');
  let result: { score: number; max: number };
  try {
    result = scoreAnswers(questions, input.answers);
  } catch (error) {
    throw new Problem('validation', (error as Error).message, {
      errors: [{ pointer: '/answers', message: 'Answer each question with one of its options.' }],
    });
  }
  return inTransaction(ctx.db, async (trx) => {
    const inserted = await q.insertAttempt(trx, {
      nomination_id: nominationId,
      kind,
      answers: JSON.stringify(input.answers),
      score: result.score,
      max_score: result.max,
    });
    if (!inserted) throw new Problem('conflict', 'This test has already been submitted: there is one attempt.');
    await audit(trx, ctx, {
      verb: 'training.test.submit',
      recordType: 'training_nomination',
      recordId: nominationId,
      details: { kind },
    });
    return getTest({ ...ctx, db: trx }, nominationId, kind);
  });
}

/**
 * Records an anonymous evaluation: the answer keeps the session only; a receipt, kept apart and
 * without a link to it, stops a second one. The audit entry names the session, not the participant's nomination.
 */
export async function evaluate(ctx: Context, nominationId: string, input: EvaluationBody): Promise<{ evaluated: true }> {
  const nomination = await selectedParticipation(ctx, nominationId, { provider: false });
  return inTransaction(ctx.db, async (trx) => {
    if (!(await q.insertReceipt(trx, nominationId))) throw new Problem('conflict', 'You have already evaluated this session.');
    await q.insertEvaluation(trx, {
      session_id: nomination.session_id,
      relevance: input.relevance,
      content: input.content,
      trainers: input.trainers,
      organisation: input.organisation,
      comment: input.comment?.trim() ?? '',
    });
    await audit(trx, ctx, { verb: 'training.evaluate', recordType: 'training_session', recordId: nomination.session_id });
    return { evaluated: true as const };
  });
}

const ASPECTS = ['relevance', 'content', 'trainers', 'organisation'] as const;

/** Evaluation results for any filter: the count always, the means, distribution and comments only from five answers up. */
export async function evaluationSummary(ctx: Context, query: EvaluationQuery): Promise<EvaluationSummary> {
  assertAllowed(ctx.actor, 'training.statistics');
  const { n } = await q
    .evaluationsOf(ctx.db, query)
    .select((e) => e.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const answers = Number(n);
  if (answers < MIN_EVALUATIONS) return { answers, minimum: MIN_EVALUATIONS, means: null, distribution: null, comments: null };
  const rows = await q
    .evaluationsOf(ctx.db, query)
    .select(['e.relevance', 'e.content', 'e.trainers', 'e.organisation', 'e.comment'])
    .execute();
  const means = Object.fromEntries(
    ASPECTS.map((a) => [a, Math.round((rows.reduce((sum, r) => sum + r[a], 0) / rows.length) * 100) / 100]),
  ) as Record<(typeof ASPECTS)[number], number>;
  const distribution = Object.fromEntries(
    ASPECTS.map((a) => [a, [1, 2, 3, 4, 5].map((v) => rows.filter((r) => r[a] === v).length)]),
  );
  // Sorted, so that the order of the comments tells nothing of who wrote which.
  const comments = rows
    .map((r) => r.comment)
    .filter((c) => c.length > 0)
    .sort((a, b) => a.localeCompare(b));
  return { answers, minimum: MIN_EVALUATIONS, means, distribution, comments };
}
