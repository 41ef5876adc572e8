import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { SessionView } from '../catalogue/schemas.js';
import {
  AnswersBody,
  AttendanceBody,
  EvaluationBody,
  EvaluationQuery,
  EvaluationSummary,
  MyTraining,
  TestParams,
  TestView,
} from './schemas.js';
import { evaluate, evaluationSummary, getTest, myTraining, recordAttendance, submitTest } from './service.js';

const tags = ['training'];

/** Attendance, tests and evaluations. */
export const recordRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/training/sessions/:id/attendance',
    {
      config: { access: 'training.manage' },
      schema: {
        tags,
        summary: 'Record attendance per participant and day',
        params: IdParams,
        body: AttendanceBody,
        response: responses({ 200: SessionView }),
      },
    },
    async (request) => recordAttendance(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/training/me',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'One’s own nominations, results and certificates', response: responses({ 200: MyTraining }) },
    },
    async (request) => myTraining(request.ctx),
  );

  app.get(
    '/training/nominations/:id/tests/:kind',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary:
          'A pre- or post-test (the participant, or the provider entering a paper test): the questions, and the attempt if made',
        params: TestParams,
        response: responses({ 200: TestView }),
      },
    },
    async (request) => getTest(request.ctx, request.params.id, request.params.kind),
  );

  app.post(
    '/training/nominations/:id/tests/:kind',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Submit a pre- or post-test, once (the participant, or the provider entering a paper test)',
        params: TestParams,
        body: AnswersBody,
        response: responses({ 201: TestView }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await submitTest(request.ctx, request.params.id, request.params.kind, request.body)),
  );

  app.post(
    '/training/nominations/:id/evaluation',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Evaluate one’s session, anonymously (once)',
        params: IdParams,
        body: EvaluationBody,
        response: responses({ 201: Type.Object({ evaluated: Type.Literal(true) }) }),
      },
    },
    async (request, reply) => reply.code(201).send(await evaluate(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/training/evaluations',
    {
      config: { access: 'training.statistics' },
      schema: {
        tags,
        summary: 'Evaluation results in aggregate, only from five answers up',
        querystring: EvaluationQuery,
        response: responses({ 200: EvaluationSummary }),
      },
    },
    async (request) => evaluationSummary(request.ctx, request.query),
  );
};
