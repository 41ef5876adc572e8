import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import {
  CourseBody,
  CourseList,
  CourseQuery,
  CourseView,
  SessionBody,
  SessionPage,
  SessionQuery,
  SessionView,
  TrainersBody,
} from './schemas.js';
import {
  createCourse,
  createSession,
  editCourse,
  getCourse,
  getSession,
  listCourses,
  listSessions,
  setTrainers,
} from './service.js';

const tags = ['training'];

/** The course catalogue and the sessions of its courses. */
export const catalogueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/training/courses',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'The course catalogue', querystring: CourseQuery, response: responses({ 200: CourseList }) },
    },
    async (request) => listCourses(request.ctx, request.query),
  );

  app.post(
    '/training/courses',
    {
      config: { access: 'training.manage' },
      schema: { tags, summary: 'Add a course to the catalogue', body: CourseBody, response: responses({ 201: CourseView }) },
    },
    async (request, reply) => reply.code(201).send(await createCourse(request.ctx, request.body)),
  );

  app.get(
    '/training/courses/:id',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'One course', params: IdParams, response: responses({ 200: CourseView }) },
    },
    async (request) => getCourse(request.ctx, request.params.id),
  );

  app.put(
    '/training/courses/:id',
    {
      config: { access: 'training.manage' },
      schema: {
        tags,
        summary: 'Change a course (its questions only while nobody has taken its test)',
        params: IdParams,
        body: CourseBody,
        response: responses({ 200: CourseView }),
      },
    },
    async (request) => editCourse(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/training/sessions',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Sessions by course, year and host field operation, newest first',
        querystring: SessionQuery,
        response: responses({ 200: SessionPage }),
      },
    },
    async (request) => listSessions(request.ctx, request.query),
  );

  app.post(
    '/training/sessions',
    {
      config: { access: 'training.manage' },
      schema: { tags, summary: 'Schedule a session of a course', body: SessionBody, response: responses({ 201: SessionView }) },
    },
    async (request, reply) => reply.code(201).send(await createSession(request.ctx, request.body)),
  );

  app.get(
    '/training/sessions/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'A session with the nominations the caller may see (reading others’ is audited)',
        params: IdParams,
        response: responses({ 200: SessionView }),
      },
    },
    async (request) => getSession(request.ctx, request.params.id),
  );

  app.put(
    '/training/sessions/:id/trainers',
    {
      config: { access: 'training.manage' },
      schema: {
        tags,
        summary: 'Choose a session’s trainers: experts of the roster or external people',
        params: IdParams,
        body: TrainersBody,
        response: responses({ 200: SessionView }),
      },
    },
    async (request) => setTrainers(request.ctx, request.params.id, request.body),
  );
};
