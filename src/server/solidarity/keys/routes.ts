import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sendAttachment } from '../../files/attachment.js';
import { XLSX_TYPE } from '../../files/sheet-writer.js';
import { responses } from '../../http/responses.js';
import { FileBody, FORMATS } from '../schemas.js';
import { exportKey } from './export.js';
import {
  CreateKeyBody,
  KeyDefinition,
  KeyIdParams,
  KeyParam,
  KeyResult,
  KeySummary,
  KeyView,
  NewVersionBody,
  VersionQuery,
} from './schemas.js';
import { addKeyVersion, computePosted, createKey, getKey, listKeys } from './service.js';

const tags = ['solidarity'];

/** Distribution keys: the calculator on posted data, the presets and saved keys with their versions. */
export const keyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/solidarity/compute',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Compute a distribution key on posted data (stores nothing)',
        description:
          'Shares by weighted criteria (proportional or inverse), optional caps at a multiple of the base share with the remainder spread by the base share, and allocations of the total by largest remainder that sum exactly to it. Invalid input (negative or missing values, an empty group, weights not summing to 1, caps out of range) is answered 400 with a pointer to each field.',
        body: KeyDefinition,
        response: responses({ 200: KeyResult }),
      },
    },
    async (request) => computePosted(request.body),
  );

  app.get(
    '/solidarity/keys',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'The preset and saved distribution keys', response: responses({ 200: Type.Array(KeySummary) }) },
    },
    async (request) => listKeys(request.ctx),
  );

  app.get(
    '/solidarity/keys/:key',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A distribution key with its data, shares, allocations and versions',
        params: KeyParam,
        querystring: VersionQuery,
        response: responses({ 200: KeyView }),
      },
    },
    async (request) => getKey(request.ctx, request.params.key, request.query.version),
  );

  for (const format of FORMATS) {
    app.get(
      `/solidarity/keys/:key/export.${format}`,
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: `A key’s shares, allocations and criterion contributions as ${format.toUpperCase()}`,
          params: KeyParam,
          querystring: VersionQuery,
          produces: [format === 'csv' ? 'text/csv' : XLSX_TYPE],
          response: responses({ 200: FileBody }),
        },
      },
      async (request, reply) =>
        sendAttachment(reply, await exportKey(request.ctx, request.params.key, request.query.version, format)),
    );
  }

  app.post(
    '/solidarity/keys',
    {
      config: { access: 'solidarity.key.edit' },
      schema: {
        tags,
        summary: 'Save a distribution key as version 1',
        body: CreateKeyBody,
        response: responses({ 201: KeyView }),
      },
    },
    async (request, reply) => reply.code(201).send(await createKey(request.ctx, request.body)),
  );

  app.post(
    '/solidarity/keys/:id/versions',
    {
      config: { access: 'solidarity.key.edit' },
      schema: {
        tags,
        summary: 'Save a new version of a saved key; earlier versions are kept',
        params: KeyIdParams,
        body: NewVersionBody,
        response: responses({ 201: KeyView }),
      },
    },
    async (request, reply) => reply.code(201).send(await addKeyVersion(request.ctx, request.params.id, request.body)),
  );
};
