import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { responses } from '../../http/responses.js';
import { PhotoPool } from './photo-pool.js';
import { FormSettingsView, ReceiptStatusView, ReceiptView, ReportBody } from './schemas.js';
import { formSettings, receiptStatus, submitReport } from './service.js';

const tags = ['hate incidents'];

/** The public report form: its settings, the report with its photos, and the receipt’s status. */
export const submissionRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
};
