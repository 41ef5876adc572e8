import { type Static, Type } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';
import { LocalTime } from '../events/schemas.js';
import { SessionPersonInput } from './people/schemas.js';

export const SessionBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    startsAt: LocalTime,
    endsAt: LocalTime,
    room: Type.Optional(Type.String({ maxLength: 200 })),
    people: Type.Optional(
      Type.Array(SessionPersonInput, {
        maxItems: 30,
        description: 'The moderators and speakers, each role in the order given.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type SessionBody = Static<typeof SessionBody>;

export const SessionParams = Type.Object({ id: Uuid, sessionId: Uuid }, { additionalProperties: false });
export type SessionParams = Static<typeof SessionParams>;
