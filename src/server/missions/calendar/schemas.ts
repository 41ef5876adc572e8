import { type Static, Type } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';

export const FeedToken = Type.Object({
  id: Uuid,
  label: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type FeedToken = Static<typeof FeedToken>;
export const NewFeedToken = Type.Object({
  ...FeedToken.properties,
  token: Type.String({ description: 'Shown once; only its hash is kept.' }),
  urls: Type.Object({ mine: Type.String(), missions: Type.String() }),
});
export type NewFeedToken = Static<typeof NewFeedToken>;
export const CreateFeedTokenBody = Type.Object(
  { label: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);
export const FeedParams = Type.Object(
  { token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' }) },
  { additionalProperties: false },
);
export const FeedIdParams = Type.Object({ ...FeedParams.properties, id: Uuid }, { additionalProperties: false });
