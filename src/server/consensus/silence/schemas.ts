import { type Static, Type } from '@sinclair/typebox';
import { Iso2 } from '../schemas.js';

export const StartSilenceBody = Type.Object(
  {
    deadline: Type.String({
      format: 'date-time',
      description: 'The instant the procedure ends; pages enter and show it in Vienna time.',
    }),
  },
  { additionalProperties: false },
);
export type StartSilenceBody = Static<typeof StartSilenceBody>;

export const BreakSilenceBody = Type.Object(
  { country: Type.Optional(Iso2), statement: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);
export type BreakSilenceBody = Static<typeof BreakSilenceBody>;
