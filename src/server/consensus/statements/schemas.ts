import { type Static, Type } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';
import { Iso2 } from '../schemas.js';

export const StatementBody = Type.Object(
  { country: Type.Optional(Iso2), text: Type.String({ minLength: 1, maxLength: 8000 }) },
  { additionalProperties: false },
);
export type StatementBody = Static<typeof StatementBody>;

export const JoinBody = Type.Object({ country: Type.Optional(Iso2) }, { additionalProperties: false });
export type JoinBody = Static<typeof JoinBody>;

export const StatementParams = Type.Object({ id: Uuid, statementId: Uuid }, { additionalProperties: false });
