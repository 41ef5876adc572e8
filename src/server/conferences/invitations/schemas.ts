import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';
import { Language } from '../../reference/schemas.js';
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
    userIds: Type.Optional(
      Type.Array(Uuid, { maxItems: 200, uniqueItems: true, description: 'People invited by name who have an account.' }),
    ),
    contactIds: Type.Optional(
      Type.Array(Uuid, {
        maxItems: 200,
        uniqueItems: true,
        description: 'People invited by name from the directory’s contacts.',
      }),
    ),
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

/** A person invited by name: an account of the platform, or a contact of the directory. */
export const InvitedPerson = Type.Object({
  /** The invitation's own identifier, for the person's letter; null for a candidate not yet invited. */
  id: Type.Union([Uuid, Type.Null()]),
  userId: Type.Union([Uuid, Type.Null()]),
  contactId: Type.Union([Uuid, Type.Null()]),
  name: Type.String(),
  /** The person's organisation, in the asked language where it has a name in it. */
  organisation: Type.Union([Type.String(), Type.Null()]),
  /** The State of the person's delegation, for a delegate. */
  countryIso2: Type.Union([Type.String(), Type.Null()]),
});
export type InvitedPerson = Static<typeof InvitedPerson>;

export const PeopleQuery = Type.Object(
  {
    q: Type.String({ minLength: 2, maxLength: 100, description: 'Words of the person’s name.' }),
    lang: Type.Optional(Language),
  },
  { additionalProperties: false },
);
export type PeopleQuery = Static<typeof PeopleQuery>;

export const PeopleView = Type.Object({ items: Type.Array(InvitedPerson) });
export type PeopleView = Static<typeof PeopleView>;

export const InvitationView = Type.Object({
  terms: Type.Array(InvitationTerm),
  states: Type.Array(Type.Object({ iso2: Type.String(), name: Type.String() })),
  organisations: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  people: Type.Array(InvitedPerson),
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
    personId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type LetterQuery = Static<typeof LetterQuery>;

/** An invitation letter the reader may download: their own delegation's or organisation's. */
export const LetterLink = Type.Object({
  /** The State's ISO code, the organisation's name, or the name of the person invited. */
  invitee: Type.String(),
  state: Type.Union([Type.String(), Type.Null()]),
  url: Type.String(),
});
export type LetterLink = Static<typeof LetterLink>;
