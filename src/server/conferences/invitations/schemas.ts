import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';
import { INVITATION_GROUPS } from './expression.js';

export const InvitationTerm = Type.Object(
  {
    op: StringEnum(['+', '-'] as const),
    group: StringEnum(INVITATION_GROUPS),
    value: Type.Optional(
      Type.String({
        minLength: 2,
        maxLength: 40,
        description: 'The sub-region, the State’s ISO code, or the year of a role in the flows.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const InvitationBody = Type.Object(
  {
    terms: Type.Array(InvitationTerm, { maxItems: 100 }),
    organisationIds: Type.Array(Uuid, { maxItems: 200, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type InvitationBody = Static<typeof InvitationBody>;

const Counts = Type.Object({
  total: Type.Integer(),
  participating: Type.Integer(),
  partnersAsian: Type.Integer(),
  partnersMediterranean: Type.Integer(),
  eastOfVienna: Type.Integer(),
  westOfVienna: Type.Integer(),
  fieldOperationHosts: Type.Integer(),
});

export const InvitationView = Type.Object({
  terms: Type.Array(InvitationTerm),
  states: Type.Array(Type.Object({ iso2: Type.String(), name: Type.String() })),
  organisations: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  counts: Counts,
  invitedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** How many people were told when the list was sent. */
  told: Type.Integer(),
});
export type InvitationView = Static<typeof InvitationView>;

/** Whose invitation letter: an invited State's delegation, or an invited organisation. */
export const LetterQuery = Type.Object(
  {
    state: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'The invited State’s ISO code.' })),
    organisationId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type LetterQuery = Static<typeof LetterQuery>;

/** An invitation letter the reader may download: their own delegation's or organisation's. */
export const LetterLink = Type.Object({
  /** The State's ISO code or the organisation's name. */
  invitee: Type.String(),
  state: Type.Union([Type.String(), Type.Null()]),
  url: Type.String(),
});
export type LetterLink = Static<typeof LetterLink>;
