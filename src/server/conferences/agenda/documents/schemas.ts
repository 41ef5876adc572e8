import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../../http/schemas.js';

export const DOCUMENT_VISIBILITIES = ['public', 'participants', 'organisers'] as const;
export const DocumentVisibility = StringEnum(DOCUMENT_VISIBILITIES, {
  description:
    'public: anyone who may see the event; participants: its confirmed registrants and signed-in invitees; organisers: its organisers.',
});

export const SessionDocumentParams = Type.Object({ id: Uuid, sessionId: Uuid }, { additionalProperties: false });
export type SessionDocumentParams = Static<typeof SessionDocumentParams>;
export const DocumentParams = Type.Object({ id: Uuid, documentId: Uuid }, { additionalProperties: false });
export type DocumentParams = Static<typeof DocumentParams>;

export const DocumentFileQuery = Type.Object(
  {
    ticket: Type.Optional(
      Type.String({ pattern: '^[A-Za-z0-9_-]{20,64}$', description: 'The secret token of a confirmed ticket for the event.' }),
    ),
  },
  { additionalProperties: false },
);
export type DocumentFileQuery = Static<typeof DocumentFileQuery>;

export const DocumentUploadQuery = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    visibility: DocumentVisibility,
    fileName: Type.Optional(Type.String({ maxLength: 255 })),
  },
  { additionalProperties: false },
);
export type DocumentUploadQuery = Static<typeof DocumentUploadQuery>;

/** A document of a session the reader may open. */
export const SessionDocument = Type.Object({
  id: Uuid,
  title: Type.String(),
  visibility: DocumentVisibility,
  fileName: Type.String(),
  mediaType: Type.String(),
  byteSize: Type.Integer(),
  url: Type.String(),
});
export type SessionDocument = Static<typeof SessionDocument>;
