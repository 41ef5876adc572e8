import { type Static, Type } from '@sinclair/typebox';
import { Email, Uuid } from '../../http/schemas.js';
import { SessionDocument } from '../agenda/documents/schemas.js';
import { LocalTime } from '../events/schemas.js';
import { Gender, RegistrationStatus } from '../schemas.js';

export const RegistrationBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    email: Email,
    countryIso2: Type.Optional(Type.Union([Type.String({ pattern: '^[A-Z]{2}$' }), Type.Null()])),
    organisationId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    organisationName: Type.Optional(Type.String({ maxLength: 300 })),
    function: Type.String({ minLength: 1, maxLength: 200 }),
    accessibility: Type.Optional(Type.String({ maxLength: 1000 })),
    dietary: Type.Optional(Type.String({ maxLength: 1000 })),
    visaLetter: Type.Boolean(),
    /** Consent to appear, with function and organisation, on the participant list others see. */
    listed: Type.Boolean(),
    gender: Type.Optional(Type.Union([Gender, Type.Null()])),
  },
  { additionalProperties: false },
);
export type RegistrationBody = Static<typeof RegistrationBody>;

export const TokenParams = Type.Object(
  { token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,64}$' }) },
  { additionalProperties: false },
);
export const ChosenSessionsBody = Type.Object(
  { sessionIds: Type.Array(Uuid, { maxItems: 200, uniqueItems: true }) },
  { additionalProperties: false },
);
export type ChosenSessionsBody = Static<typeof ChosenSessionsBody>;

export const CheckInBody = Type.Object(
  {
    token: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'The token of the ticket, or the address its QR code holds.',
    }),
  },
  { additionalProperties: false },
);
export type CheckInBody = Static<typeof CheckInBody>;

/** What the registrant keeps: the state of the registration and, once confirmed, the QR code to check in with. */
export const TicketView = Type.Object({
  id: Uuid,
  token: Type.String(),
  name: Type.String(),
  status: RegistrationStatus,
  /** The place on the waiting list, from 1; null unless waiting. */
  position: Type.Union([Type.Integer(), Type.Null()]),
  checkedInAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  event: Type.Object({
    id: Uuid,
    title: Type.String(),
    startsLocal: LocalTime,
    timeZone: Type.String(),
    venue: Type.String(),
    onlineUrl: Type.Union([Type.String(), Type.Null()]),
  }),
  /** A PNG data address of the QR code holding the check-in address; null unless confirmed. */
  qr: Type.Union([Type.String(), Type.Null()]),
  checkInUrl: Type.String(),
  /** The agenda, each session marked when the participant chose it; their calendar holds the chosen ones (all while none is). */
  sessions: Type.Array(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      startsLocal: LocalTime,
      endsLocal: LocalTime,
      room: Type.String(),
      chosen: Type.Boolean(),
      /** Its documents open to the ticket's holder (the participants' too once confirmed), addressed with the ticket's token. */
      documents: Type.Array(SessionDocument),
    }),
  ),
});
export type TicketView = Static<typeof TicketView>;

export const CheckInView = Type.Object({
  id: Uuid,
  name: Type.String(),
  organisation: Type.String(),
  countryIso2: Type.Union([Type.String(), Type.Null()]),
  eventTitle: Type.String(),
  checkedInAt: Type.String({ format: 'date-time' }),
});
export type CheckInView = Static<typeof CheckInView>;
