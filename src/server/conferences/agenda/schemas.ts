import { type Static, Type } from '@sinclair/typebox';
import { LocalTime } from '../events/schemas.js';

export const SessionBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    startsAt: LocalTime,
    endsAt: LocalTime,
    room: Type.Optional(Type.String({ maxLength: 200 })),
    speakers: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type SessionBody = Static<typeof SessionBody>;
