import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../http/responses.js';
import { Page } from '../../http/schemas.js';
import { DocumentParams, DocumentSummary, DocumentView, ParagraphParams } from '../schemas.js';
import {
  AddParagraphBody,
  CreateDocumentBody,
  DocumentQuery,
  EditParagraphBody,
  SymbolBody,
  UpdateDocumentBody,
} from './schemas.js';
import * as s from './service.js';

const tags = ['consensus'];

/** Drafts: the list by body and stage, the document, and its working text paragraph by paragraph. */
export const documentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/consensus/documents',
    {
      config: { access: 'consensus.follow' },
      schema: {
        tags,
        summary: 'Drafts and decisions by body and stage',
        querystring: DocumentQuery,
        response: responses({ 200: Page(DocumentSummary) }),
      },
    },
    (request) => s.listDocuments(request.ctx, request.query),
  );
  app.post(
    '/consensus/documents',
    {
      config: { access: 'consensus.draft' },
      schema: {
        tags,
        summary: 'Open a draft with its symbol',
        body: CreateDocumentBody,
        response: responses({ 201: DocumentView }),
      },
    },
    async (request, reply) => reply.code(201).send(await s.createDocument(request.ctx, request.body)),
  );
  app.get(
    '/consensus/documents/:id',
    {
      config: { access: 'consensus.follow' },
      schema: {
        tags,
        summary: 'A document with its paragraphs, their state, amendments, silence and statements',
        params: DocumentParams,
        response: responses({ 200: DocumentView }),
      },
    },
    (request) => s.getDocument(request.ctx, request.params.id),
  );
  app.patch(
    '/consensus/documents/:id',
    {
      config: { access: 'consensus.draft' },
      schema: {
        tags,
        summary: 'Rename, move to another body, show names behind positions',
        params: DocumentParams,
        body: UpdateDocumentBody,
        response: responses({ 200: DocumentView }),
      },
    },
    (request) => s.updateDocument(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/consensus/documents/:id/withdrawal',
    {
      config: { access: 'consensus.draft' },
      schema: {
        tags,
        summary: 'Withdraw a draft that will not be adopted',
        params: DocumentParams,
        response: responses({ 200: DocumentView }),
      },
    },
    (request) => s.withdrawDocument(request.ctx, request.params.id),
  );
  app.put(
    '/consensus/documents/:id/symbol',
    {
      config: { access: 'consensus.register' },
      schema: {
        tags,
        summary: 'Correct the symbol of a draft before adoption',
        params: DocumentParams,
        body: SymbolBody,
        response: responses({ 200: DocumentView }),
      },
    },
    (request) => s.changeSymbol(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/consensus/documents/:id/paragraphs',
    {
      config: { access: 'consensus.draft' },
      schema: {
        tags,
        summary: 'Add a paragraph to the working text',
        params: DocumentParams,
        body: AddParagraphBody,
        response: responses({ 200: DocumentView }),
      },
    },
    (request) => s.addParagraph(request.ctx, request.params.id, request.body),
  );
  app.patch(
    '/consensus/documents/:id/paragraphs/:paragraphId',
    {
      config: { access: 'consensus.draft' },
      schema: {
        tags,
        summary: 'Reword a paragraph',
        params: ParagraphParams,
        body: EditParagraphBody,
        response: responses({ 200: DocumentView }),
      },
    },
    (request) => s.editParagraph(request.ctx, request.params.id, request.params.paragraphId, request.body),
  );
  app.delete(
    '/consensus/documents/:id/paragraphs/:paragraphId',
    {
      config: { access: 'consensus.draft' },
      schema: {
        tags,
        summary: 'Delete a paragraph from the working text',
        params: ParagraphParams,
        response: responses({ 200: DocumentView }),
      },
    },
    (request) => s.removeParagraph(request.ctx, request.params.id, request.params.paragraphId),
  );
  app.get(
    '/consensus/public/decisions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Adopted decisions and declarations, for anyone',
        querystring: DocumentQuery,
        response: responses({ 200: Page(DocumentSummary) }),
      },
    },
    (request) => s.listDocuments({ ...request.ctx, actor: null }, request.query),
  );
  app.get(
    '/consensus/public/decisions/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'An adopted text with its interpretative statements',
        params: DocumentParams,
        response: responses({ 200: DocumentView }),
      },
    },
    (request) => s.getPublicDecision({ ...request.ctx, actor: null }, request.params.id),
  );
};
