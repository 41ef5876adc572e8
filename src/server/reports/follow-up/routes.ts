import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sendAttachment } from '../../files/attachment.js';
import { XLSX_TYPE } from '../../files/sheet-writer.js';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { dashboard, exportRecommendations } from './dashboard.js';
import {
  CreateProjectBody,
  DashboardView,
  ExportQuery,
  ExternalRecommendationBody,
  NoteBody,
  ProjectParams,
  ProjectView,
  RecommendationDetail,
  RecommendationPage,
  RecommendationPatch,
  RecommendationQuery,
  UpdateProjectBody,
} from './schemas.js';
import { addNote, createProject, getProject, getRecommendation, listRecommendations, updateProject } from './service.js';
import { addExternalRecommendation, setCommitment } from './sources.js';

const tags = ['reports'];
const FileBody = Type.String({ description: 'The file: CSV text or an XLSX workbook.' });

/** The follow-up of adopted recommendations: tracker, projects, progress notes, dashboard and exports. */
export const followUpRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/recommendations',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'The recommendation tracker: late ones first, then by due date',
        description: 'Recommendations of the adopted reports the caller may read; status is derived from the projects.',
        querystring: RecommendationQuery,
        response: responses({ 200: RecommendationPage }),
      },
    },
    async (request) => listRecommendations(request.ctx, request.query),
  );

  app.get(
    '/recommendations/dashboard',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Implementation by status, addressee, key area and mission, and the rate over time',
        querystring: ExportQuery,
        response: responses({ 200: DashboardView }),
      },
    },
    async (request) => dashboard(request.ctx, request.query),
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/recommendations/export.${format}`,
      {
        config: { access: 'signed_in' },
        schema: {
          tags,
          summary: `The tracker as ${format.toUpperCase()}, with the same filters`,
          querystring: ExportQuery,
          produces: [format === 'csv' ? 'text/csv' : XLSX_TYPE],
          response: responses({ 200: FileBody }),
        },
      },
      async (request, reply) => sendAttachment(reply, await exportRecommendations(request.ctx, request.query, format)),
    );
  }

  app.get(
    '/recommendations/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'One recommendation with its follow-up projects and progress notes',
        params: IdParams,
        response: responses({ 200: RecommendationDetail }),
      },
    },
    async (request) => getRecommendation(request.ctx, request.params.id),
  );

  app.post(
    '/recommendations',
    {
      config: { access: 'report.review' },
      schema: {
        tags,
        summary: 'Add a recommendation an external organisation issued (UNHCR, IOM and others)',
        body: ExternalRecommendationBody,
        response: responses({ 201: RecommendationDetail }),
      },
    },
    async (request, reply) => reply.code(201).send(await addExternalRecommendation(request.ctx, request.body)),
  );

  app.patch(
    '/recommendations/:id',
    {
      config: { access: 'report.follow_up' },
      schema: {
        tags,
        summary: 'Set or clear the commitment of the consensus register a recommendation recalls',
        params: IdParams,
        body: RecommendationPatch,
        response: responses({ 200: RecommendationDetail }),
      },
    },
    async (request) => setCommitment(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/recommendations/:id/projects',
    {
      config: { access: 'report.follow_up' },
      schema: {
        tags,
        summary: 'Add a follow-up project (a focal point for its own structure)',
        params: IdParams,
        body: CreateProjectBody,
        response: responses({ 201: RecommendationDetail }),
      },
    },
    async (request, reply) => reply.code(201).send(await createProject(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/recommendations/:id/projects/:projectId',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'One follow-up project with its progress notes',
        params: ProjectParams,
        response: responses({ 200: ProjectView }),
      },
    },
    async (request) => getProject(request.ctx, request.params.id, request.params.projectId),
  );

  app.patch(
    '/recommendations/:id/projects/:projectId',
    {
      config: { access: 'report.follow_up' },
      schema: {
        tags,
        summary: 'Edit a project and its status; "not implemented" needs a reason',
        params: ProjectParams,
        body: UpdateProjectBody,
        response: responses({ 200: ProjectView }),
      },
    },
    async (request) => updateProject(request.ctx, request.params.id, request.params.projectId, request.body),
  );

  app.post(
    '/recommendations/:id/projects/:projectId/notes',
    {
      config: { access: 'report.follow_up' },
      schema: {
        tags,
        summary: 'Add a dated progress note to a project',
        params: ProjectParams,
        body: NoteBody,
        response: responses({ 201: ProjectView }),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addNote(request.ctx, request.params.id, request.params.projectId, request.body)),
  );
};
