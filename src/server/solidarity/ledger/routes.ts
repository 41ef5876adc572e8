import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sendAttachment } from '../../files/attachment.js';
import { XLSX_TYPE } from '../../files/sheet-writer.js';
import { responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { FORMATS } from '../schemas.js';
import { exportPledges } from './export.js';
import {
  CreatePledgeBody,
  CreateRelocationBody,
  PledgeQuery,
  PledgeView,
  RelocationQuery,
  RelocationView,
  RevisionView,
  UpdatePledgeBody,
  UpdateRelocationBody,
} from './schemas.js';
import {
  createPledge,
  createRelocation,
  entryHistory,
  listPledges,
  listRelocations,
  updatePledge,
  updateRelocation,
} from './service.js';

const tags = ['solidarity ledger'];

/** The ledger of pledges and relocations, each change kept as a revision. */
export const ledgerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/solidarity/pledges',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Pledges, as they stand',
        querystring: PledgeQuery,
        response: responses({ 200: Type.Array(PledgeView) }),
      },
    },
    async (request) => listPledges(request.ctx, request.query),
  );

  for (const format of FORMATS) {
    app.get(
      `/solidarity/pledges/export.${format}`,
      {
        config: { access: 'signed_in' },
        schema: {
          tags,
          summary: `The pledge ledger as ${format.toUpperCase()}`,
          produces: [format === 'csv' ? 'text/csv' : XLSX_TYPE],
          response: responses({ 200: Type.String({ description: 'The file.' }) }),
        },
      },
      async (request, reply) => sendAttachment(reply, await exportPledges(request.ctx, format)),
    );
  }

  app.post(
    '/solidarity/pledges',
    {
      config: { access: 'solidarity.pledge.record' },
      schema: {
        tags,
        summary: 'Record a pledge (a delegation for its own State only)',
        body: CreatePledgeBody,
        response: responses({ 201: PledgeView }),
      },
    },
    async (request, reply) => reply.code(201).send(await createPledge(request.ctx, request.body)),
  );

  app.patch(
    '/solidarity/pledges/:id',
    {
      config: { access: 'solidarity.pledge.record' },
      schema: {
        tags,
        summary: 'Change a pledge; its history keeps every version',
        params: IdParams,
        body: UpdatePledgeBody,
        response: responses({ 200: PledgeView }),
      },
    },
    async (request) => updatePledge(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/solidarity/pledges/:id/history',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Every version of a pledge, with who changed what and when',
        params: IdParams,
        response: responses({ 200: Type.Array(RevisionView) }),
      },
    },
    async (request) => entryHistory(request.ctx, 'pledge', request.params.id),
  );

  app.get(
    '/solidarity/relocations',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Relocations recorded, by State, month and State of departure',
        querystring: RelocationQuery,
        response: responses({ 200: Type.Array(RelocationView) }),
      },
    },
    async (request) => listRelocations(request.ctx, request.query),
  );

  app.post(
    '/solidarity/relocations',
    {
      config: { access: 'solidarity.relocation.record' },
      schema: {
        tags,
        summary: 'Record persons relocated to a State in a month (a delegation for its own State only)',
        body: CreateRelocationBody,
        response: responses({ 201: RelocationView }),
      },
    },
    async (request, reply) => reply.code(201).send(await createRelocation(request.ctx, request.body)),
  );

  app.patch(
    '/solidarity/relocations/:id',
    {
      config: { access: 'solidarity.relocation.record' },
      schema: {
        tags,
        summary: 'Correct a relocation record; its history keeps every version',
        params: IdParams,
        body: UpdateRelocationBody,
        response: responses({ 200: RelocationView }),
      },
    },
    async (request) => updateRelocation(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/solidarity/relocations/:id/history',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Every version of a relocation record',
        params: IdParams,
        response: responses({ 200: Type.Array(RevisionView) }),
      },
    },
    async (request) => entryHistory(request.ctx, 'relocation', request.params.id),
  );
};
