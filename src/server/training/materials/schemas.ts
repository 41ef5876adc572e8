import { type Static, Type } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';

/** The title and name of an upload, sent in the query string beside the file sent as the body. */
export const MaterialQuery = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  },
  { additionalProperties: false },
);
export type MaterialQuery = Static<typeof MaterialQuery>;

/** A session's material as the session page lists it, without its bytes. */
export const MaterialView = Type.Object({
  id: Uuid,
  title: Type.String(),
  fileName: Type.String(),
  mediaType: Type.String(),
  byteSize: Type.Integer(),
  uploadedAt: Type.String({ format: 'date-time' }),
});
export type MaterialView = Static<typeof MaterialView>;
