import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sendAttachment } from '../files/attachment.js';
import { responses } from '../http/responses.js';
import { IdParams } from '../http/schemas.js';
import { PhotoPool } from './photo-pool.js';
import { readProtected } from './protected.js';
import { statistics, statisticsCsv } from './publication/service.js';
import { addNote, assignCase, changeStatus, getCase, listQueue, listReviewers, redactDescription } from './review.js';
import {
  AssigneeBody,
  CaseView,
  FormSettingsView,
  NoteBody,
  ProtectedView,
  QueueQuery,
  QueueView,
  ReasonBody,
  ReceiptStatusView,
  ReceiptView,
  RedactionBody,
  ReportBody,
  ReviewerView,
  StatisticsQuery,
  StatisticsView,
  StatusBody,
} from './schemas.js';
import { odihrExport } from './statistics.js';
import { formSettings, receiptStatus, submitReport } from './submit.js';

const tags = ['hate incidents'];

export const incidentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Five photos, base64 in JSON, and the rest of the form.
  const reportBodyLimit = Math.ceil(app.config.incidentPhotoMaxBytes * 5 * 1.37) + 256 * 1024;
  // Photos are decoded in worker threads, never on the event loop; the threads end with the server.
  const photoPool = new PhotoPool({
    workers: app.config.incidentPhotoWorkers,
    queue: app.config.incidentPhotoQueue,
    timeoutMs: app.config.incidentPhotoTimeoutMs,
    memoryMb: app.config.incidentPhotoWorkerMemoryMb,
  });
  app.addHook('onClose', () => photoPool.close());

  app.get(
    '/incidents/form',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'What the public report form needs: the public key and its checks',
        response: responses({ 200: FormSettingsView }),
      },
    },
    async (request) => formSettings(request.ctx),
  );

  app.post(
    '/incidents/reports',
    {
      // A refused proof of work must still count against the address, and photos are cleaned in a
      // worker before anything is written: the service opens its own short transactions.
      config: { access: 'public', transaction: false },
      bodyLimit: reportBodyLimit,
      schema: {
        tags,
        summary: 'Report a hate incident (no account); answers with a receipt code',
        body: ReportBody,
        response: responses({ 201: ReceiptView }),
      },
    },
    async (request, reply) => reply.code(201).send(await submitReport(request.ctx, request.body, photoPool)),
  );

  app.post(
    '/incidents/receipts/status',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The status of a report, for the holder of its receipt code',
        body: Type.Object({ code: Type.String({ minLength: 10, maxLength: 40 }) }, { additionalProperties: false }),
        response: responses({ 200: ReceiptStatusView }),
      },
    },
    async (request) => receiptStatus(request.ctx, request.body.code),
  );

  app.get(
    '/incidents/statistics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One slice of the fixed published tables of verified incidents, small counts suppressed',
        querystring: StatisticsQuery,
        response: responses({ 200: StatisticsView }),
      },
    },
    async (request) => statistics(request.ctx, request.query),
  );

  app.get(
    '/incidents/statistics.csv',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The same slice as CSV (suppressed figures empty, marked "suppressed")',
        querystring: StatisticsQuery,
        produces: ['text/csv'],
        response: responses({ 200: Type.String() }),
      },
    },
    async (request, reply) =>
      sendAttachment(reply, {
        kind: 'csv',
        filename: 'crossroads-hate-incidents.csv',
        body: await statisticsCsv(request.ctx, request.query),
      }),
  );

  app.get(
    '/incidents/export/odihr.csv',
    {
      config: { access: 'incident.export' },
      schema: {
        tags,
        summary: 'The civil-society submission to ODIHR: one row per verified incident, no personal data; audited',
        querystring: Type.Object(
          { year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })) },
          { additionalProperties: false },
        ),
        produces: ['text/csv'],
        response: responses({ 200: Type.String() }),
      },
    },
    async (request, reply) =>
      sendAttachment(reply, {
        kind: 'csv',
        filename: 'odihr-hate-incidents.csv',
        body: await odihrExport(request.ctx, request.query.year),
      }),
  );

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

  app.post(
    '/incidents/reports/:id/protected',
    {
      config: { access: 'incident.protected.read' },
      schema: {
        tags,
        summary:
          'The encrypted contact, description and photos of a case, for decryption in the browser; audited with the reason',
        params: IdParams,
        body: ReasonBody,
        response: responses({ 200: ProtectedView }),
      },
    },
    async (request) => readProtected(request.ctx, request.params.id, request.body.reason),
  );
};
