import { type Static, Type } from '@sinclair/typebox';
import { Recommendation } from '../../directory/whom-to-call/schemas.js';
import { StringEnum, Uuid } from '../../http/schemas.js';
import { Language } from '../../reference/schemas.js';

export const PARTNER_ROLES = ['joint_visit', 'briefing', 'data'] as const;

export const PartnerInput = Type.Object(
  {
    organisationId: Uuid,
    role: StringEnum(PARTNER_ROLES, { description: 'A joint visit, a briefing for the team, or data.' }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const PartnersBody = Type.Object(
  { partners: Type.Array(PartnerInput, { maxItems: 30 }) },
  { additionalProperties: false },
);
export type PartnersBody = Static<typeof PartnersBody>;

export const PartnerView = Type.Object({
  organisationId: Uuid,
  name: Type.String({ description: 'The organisation’s name in the requested language.' }),
  acronym: Type.Union([Type.String(), Type.Null()]),
  role: StringEnum(PARTNER_ROLES),
  note: Type.String(),
});
export type PartnerView = Static<typeof PartnerView>;

export const PartnersView = Type.Object({
  partners: Type.Array(PartnerView),
  /** `edit` when the caller may change the partners. */
  actions: Type.Array(Type.String()),
});
export type PartnersView = Static<typeof PartnersView>;

export const ProposedQuery = Type.Object({ lang: Type.Optional(Language) }, { additionalProperties: false });

export const ProposedContact = Type.Object({
  ...Recommendation.properties,
  country: Type.String({ description: 'The host country the contact was proposed for.' }),
  partner: Type.Boolean({ description: 'Whether the contact works for one of the mission’s partners.' }),
});

export const ProposedContactsView = Type.Object({
  countries: Type.Array(Type.String()),
  /** What the contacts were asked for: the mission's competences, or its title when it has none. */
  competences: Type.Array(Type.String()),
  topic: Type.Union([Type.String(), Type.Null()]),
  contacts: Type.Array(ProposedContact, { description: 'The partners’ people first, then by score.' }),
});
export type ProposedContactsView = Static<typeof ProposedContactsView>;
