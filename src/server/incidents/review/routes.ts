import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { AssigneeBody, CaseView, NoteBody, QueueQuery, QueueView, RedactionBody, ReviewerView, StatusBody } from './schemas.js';
import { addNote, assignCase, changeStatus, getCase, listQueue, listReviewers, redactDescription } from './service.js';

const tags = ['hate incidents'];

/** The review of reported incidents: the queue, cases, their workflow, notes and redaction. */
export const reviewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/incidents/reports',
    {
      config: { access: 'incident.review' },
      schema: { tags, summary: 'The review queue', querystring: QueueQuery, response: responses({ 200: QueueView }) },
    },
    async (request) => listQueue(request.ctx, request.query),
  );

  app.get(
    '/incidents/reviewers',
    {
      config: { access: 'incident.review' },
      schema: { tags, summary: 'The reviewers a case may be assigned to', response: responses({ 200: ReviewerView }) },
    },
    async (request) => listReviewers(request.ctx),
  );

  app.get(
    '/incidents/reports/:id',
    {
      config: { access: 'incident.review' },
      schema: {
        tags,
        summary: 'One case with its history (no protected data)',
        params: IdParams,
        response: responses({ 200: CaseView }),
      },
    },
    async (request) => getCase(request.ctx, request.params.id),
  );

  app.post(
    '/incidents/reports/:id/status',
    {
      config: { access: 'incident.review' },
      schema: {
        tags,
        summary: 'Move a case through the verification workflow',
        params: IdParams,
        body: StatusBody,
        response: responses({ 200: CaseView }),
      },
    },
    async (request) => changeStatus(request.ctx, request.params.id, request.body),
  );

  app.put(
    '/incidents/reports/:id/assignee',
    {
      config: { access: 'incident.review' },
      schema: {
        tags,
        summary: 'Assign a case to a reviewer',
        params: IdParams,
        body: AssigneeBody,
        response: responses({ 200: CaseView }),
      },
    },
    async (request) => assignCase(request.ctx, request.params.id, request.body.userId),
  );

  app.post(
    '/incidents/reports/:id/notes',
    {
      config: { access: 'incident.review' },
      schema: { tags, summary: 'Add a reviewer note', params: IdParams, body: NoteBody, response: responses({ 200: CaseView }) },
    },
    async (request) => addNote(request.ctx, request.params.id, request.body.note),
  );

  app.put(
    '/incidents/reports/:id/redaction',
    {
      config: { access: 'incident.review' },
      schema: {
        tags,
        summary: 'Set the redacted description (the original stays encrypted)',
        params: IdParams,
        body: RedactionBody,
        response: responses({ 200: CaseView }),
      },
    },
    async (request) => redactDescription(request.ctx, request.params.id, request.body.text),
  );
};
