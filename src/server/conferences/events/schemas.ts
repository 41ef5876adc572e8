import { type Static, Type } from '@sinclair/typebox';
import { Page, Pagination, StringEnum, Uuid } from '../../http/schemas.js';
import { SessionDocument } from '../agenda/documents/schemas.js';
import { SessionPerson } from '../agenda/people/schemas.js';
import { LetterLink } from '../invitations/schemas.js';
import { EventKind } from '../schemas.js';

/** A wall-clock time in the event's time zone. */
export const LocalTime = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$',
  description: 'A wall-clock time in the event’s time zone, YYYY-MM-DDTHH:mm.',
});
const Language = Type.String({ pattern: '^[a-z]{2,3}$' });

export const EventBody = Type.Object(
  {
    kind: EventKind,
    title: Type.String({ minLength: 1, maxLength: 300 }),
    organiserId: Uuid,
    startsAt: LocalTime,
    endsAt: LocalTime,
    timeZone: Type.String({ minLength: 1, maxLength: 60, description: 'An IANA time zone, such as Europe/Vienna.' }),
    venue: Type.Optional(Type.String({ maxLength: 300 })),
    onlineUrl: Type.Optional(Type.Union([Type.String({ pattern: '^https://', maxLength: 1000 }), Type.Null()])),
    languages: Type.Array(Language, { minItems: 1, maxItems: 6, uniqueItems: true }),
    public: Type.Boolean(),
    capacity: Type.Integer({ minimum: 1, maximum: 5000 }),
    delegationCapacity: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1, maximum: 5000 }), Type.Null()], {
        description: 'Places per delegation: a State’s, or the organisation of a registration without a State. Null: no limit.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type EventBody = Static<typeof EventBody>;

export const EventPatch = Type.Partial(EventBody, { additionalProperties: false });
export type EventPatch = Static<typeof EventPatch>;

export const EventQuery = Type.Object(
  {
    kind: Type.Optional(EventKind),
    when: Type.Optional(StringEnum(['upcoming', 'past'] as const)),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    ...Pagination,
  },
  { additionalProperties: false },
);
export type EventQuery = Static<typeof EventQuery>;

export const EventSummary = Type.Object({
  id: Uuid,
  kind: EventKind,
  title: Type.String(),
  organiser: Type.Object({ id: Uuid, name: Type.String() }),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  /** The same instants on the clocks of the event's time zone. */
  startsLocal: LocalTime,
  endsLocal: LocalTime,
  timeZone: Type.String(),
  venue: Type.String(),
  onlineUrl: Type.Union([Type.String(), Type.Null()]),
  languages: Type.Array(Type.String()),
  public: Type.Boolean(),
  capacity: Type.Integer(),
  delegationCapacity: Type.Union([Type.Integer(), Type.Null()]),
  confirmed: Type.Integer(),
  waiting: Type.Integer(),
});
export type EventSummary = Static<typeof EventSummary>;
export const EventPage = Type.Object({ ...Page(EventSummary).properties, canCreate: Type.Boolean() });
export type EventPage = Static<typeof EventPage>;

export const SessionView = Type.Object({
  id: Uuid,
  title: Type.String(),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  startsLocal: LocalTime,
  endsLocal: LocalTime,
  room: Type.String(),
  /** The moderators, then the speakers, each as the reader may see them. */
  people: Type.Array(SessionPerson),
  /** The documents of the session the reader may open. */
  documents: Type.Array(SessionDocument),
});
export type SessionView = Static<typeof SessionView>;

export const EventView = Type.Object({
  ...EventSummary.properties,
  sessions: Type.Array(SessionView),
  summary: Type.String(),
  recommendations: Type.Array(Type.String()),
  /** When the chair's summary was published and its recommendations entered the tracker. */
  outcomePublishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  invitedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  actions: Type.Array(StringEnum(['manage', 'register'] as const)),
  /** The invitation letters of the reader's own delegation or organisation, once invited. */
  letters: Type.Array(LetterLink),
});
export type EventView = Static<typeof EventView>;

export const OutcomeBody = Type.Object(
  {
    summary: Type.String({ maxLength: 20000 }),
    recommendations: Type.Array(Type.String({ minLength: 1, maxLength: 2000 }), { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type OutcomeBody = Static<typeof OutcomeBody>;
