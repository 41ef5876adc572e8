import { type Static, Type } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';

export const CommitmentBody = Type.Object(
  {
    symbol: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 60 }), Type.Null()])),
    title: Type.String({ minLength: 1, maxLength: 300 }),
    year: Type.Integer({ minimum: 1975, maximum: 2100 }),
    place: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type CommitmentBody = Static<typeof CommitmentBody>;

export const CommitmentParams = Type.Object({ commitmentId: Uuid }, { additionalProperties: false });
