import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { NoContent, responses } from '../../http/responses.js';
import { IdParams } from '../../http/schemas.js';
import { LangQuery } from '../schemas.js';
import { ContactPage, ContactQuery, ContactView, CreateContactBody, UpdateContactBody } from './schemas.js';
import { confirmContact, createContact, deleteContact, getContact, listContacts, updateContact } from './service.js';

const tags = ['directory'];

export const contactRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/directory/contacts',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Contacts the caller may see',
        querystring: ContactQuery,
        response: responses({ 200: ContactPage }),
      },
    },
    async (request) => listContacts(request.ctx, request.query),
  );

  app.get(
    '/directory/contacts/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One contact, if the caller may see it',
        params: IdParams,
        querystring: Type.Object(LangQuery, { additionalProperties: false }),
        response: responses({ 200: ContactView }),
      },
    },
    async (request) => getContact(request.ctx, request.params.id, request.query.lang),
  );

  app.post(
    '/directory/contacts',
    {
      config: { access: 'directory.edit' },
      schema: { tags, summary: 'Add a contact', body: CreateContactBody, response: responses({ 201: ContactView }) },
    },
    async (request, reply) => reply.code(201).send(await createContact(request.ctx, request.body)),
  );

  app.patch(
    '/directory/contacts/:id',
    {
      config: { access: 'directory.edit' },
      schema: {
        tags,
        summary: 'Change a contact',
        params: IdParams,
        body: UpdateContactBody,
        response: responses({ 200: ContactView }),
      },
    },
    async (request) => updateContact(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/directory/contacts/:id',
    {
      config: { access: 'directory.edit' },
      schema: { tags, summary: 'Remove a contact', params: IdParams, response: responses({ 204: NoContent }) },
    },
    async (request, reply) => {
      await deleteContact(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/directory/contacts/:id/confirm',
    {
      config: { access: 'directory.edit' },
      schema: {
        tags,
        summary: 'Confirm that a contact’s details are still right',
        params: IdParams,
        response: responses({ 200: ContactView }),
      },
    },
    async (request) => confirmContact(request.ctx, request.params.id),
  );
};
