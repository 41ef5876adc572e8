import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sendAttachment } from '../../files/attachment.js';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { reportPdf } from './pdf.js';
import {
  CreateReportBody,
  DiffQuery,
  DiffView,
  Pdf,
  PublicSummaryBody,
  PublicSummaryView,
  ReportSummary,
  ReportView,
  SaveReportBody,
  TransitionBody,
  VersionParams,
  VersionSummary,
  VersionView,
} from './schemas.js';
import { createReport, getReport, listReports } from './service.js';
import { listPublicSummaries, setPublicSummary, transitionReport } from './transitions.js';
import { diffVersions, getVersion, listVersions, saveReport } from './versions.js';

const tags = ['reports'];

/** Drafting mission reports: versions, the review workflow, public summaries and the PDF. */
export const draftingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/reports',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'The reports the caller may read',
        description: 'Drafts to their team and the co-ordinator; distributed reports also to delegations and OSCE staff.',
        response: responses({ 200: Type.Array(ReportSummary) }),
      },
    },
    async (request) => listReports(request.ctx),
  );

  app.post(
    '/reports',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Open the report of a mission (its team or the co-ordinator)',
        body: CreateReportBody,
        response: responses({ 201: ReportView }),
      },
    },
    async (request, reply) => reply.code(201).send(await createReport(request.ctx, request.body)),
  );

  app.get(
    '/reports/public',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Public summaries of distributed reports',
        response: responses({ 200: Type.Array(PublicSummaryView) }),
      },
    },
    async (request) => listPublicSummaries(request.ctx),
  );

  app.get(
    '/reports/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'One report, its current version and history',
        params: IdParams,
        response: responses({ 200: ReportView }),
      },
    },
    async (request) => getReport(request.ctx, request.params.id),
  );

  app.put(
    '/reports/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Save the report as a new version (its team, while draft or returned)',
        description:
          'Send the version the edit started from. If someone saved since, nothing is written and the answer is 409 with the current report in `current`, so both texts can be compared. Rich text is reduced to paragraphs, line breaks, bold, italic, underline, lists, headings h3/h4, quotations and http(s)/mailto links.',
        params: IdParams,
        body: SaveReportBody,
        response: responses({ 200: ReportView }),
      },
    },
    async (request) => saveReport(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/reports/:id/transitions',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Move a report along its workflow',
        description:
          'submit (team: draft or returned → submitted), return with a comment or adopt (co-ordinator: submitted → returned or adopted), distribute (co-ordinator: adopted → distributed). The wrong person is answered 403, the wrong state 409. Adoption feeds the alert level to early warning.',
        params: IdParams,
        body: TransitionBody,
        response: responses({ 200: ReportView }),
      },
    },
    async (request) => transitionReport(request.ctx, request.params.id, request.body),
  );

  app.put(
    '/reports/:id/public-summary',
    {
      config: { access: 'report.review' },
      schema: {
        tags,
        summary: 'Set or remove the public summary of a distributed report',
        params: IdParams,
        body: PublicSummaryBody,
        response: responses({ 200: ReportView }),
      },
    },
    async (request) => setPublicSummary(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/reports/:id/versions',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Every version of a report, newest first',
        params: IdParams,
        response: responses({ 200: Type.Array(VersionSummary) }),
      },
    },
    async (request) => listVersions(request.ctx, request.params.id),
  );

  app.get(
    '/reports/:id/versions/:number',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'One version of a report', params: VersionParams, response: responses({ 200: VersionView }) },
    },
    async (request) => getVersion(request.ctx, request.params.id, request.params.number),
  );

  app.get(
    '/reports/:id/diff',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Word-level differences between two versions, section by section',
        params: IdParams,
        querystring: DiffQuery,
        response: responses({ 200: DiffView }),
      },
    },
    async (request) => diffVersions(request.ctx, request.params.id, request.query),
  );

  app.get(
    '/reports/:id/report.pdf',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'The adopted report as an official PDF document',
        params: IdParams,
        produces: ['application/pdf'],
        response: responses({ 200: Pdf }),
      },
    },
    async (request, reply) => {
      const file = await reportPdf(request.ctx, request.params.id);
      return sendAttachment(reply, { kind: 'pdf', filename: file.filename, body: file.body });
    },
  );
};
