import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';
import { Day, Iso2 } from '../../roster/schemas.js';

export const CONTRIBUTION_STATUSES = ['pledged', 'confirmed', 'received', 'withdrawn'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];
export const CONTRIBUTOR_KINDS = ['state', 'donor'] as const;

const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code.' });

export const ContributionView = Type.Object({
  id: Uuid,
  projectId: Uuid,
  recommendationId: Uuid,
  projectTitle: Type.String(),
  contributor: Type.Object({
    kind: StringEnum(CONTRIBUTOR_KINDS),
    countryIso2: Type.Union([Iso2, Type.Null()]),
    organisationId: Type.Union([Uuid, Type.Null()]),
    /** The organisation's acronym or English name; a State is named by the page in its language. */
    name: Type.String(),
  }),
  amount: Type.Number(),
  currency: Currency,
  status: StringEnum(CONTRIBUTION_STATUSES),
  contributedOn: Type.String({ format: 'date' }),
  note: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
  /** The statuses it may move to next, for a caller who may edit it. */
  next: Type.Array(StringEnum(CONTRIBUTION_STATUSES)),
  actions: Type.Array(Type.Literal('edit')),
});
export type ContributionView = Static<typeof ContributionView>;

/** Totals of one currency; amounts in different currencies are never added together. */
export const CurrencyTotal = Type.Object({
  currency: Currency,
  /** Pledged, confirmed and received, not withdrawn. */
  promised: Type.Number(),
  received: Type.Number(),
  count: Type.Integer(),
});

export const ContributionList = Type.Object({
  items: Type.Array(ContributionView),
  totals: Type.Array(CurrencyTotal),
  actions: Type.Array(Type.Literal('contribute')),
});
export type ContributionList = Static<typeof ContributionList>;

export const CreateContributionBody = Type.Object(
  {
    contributorCountryIso2: Type.Optional(Type.Union([Iso2, Type.Null()])),
    contributorOrganisationId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    amount: Type.Number({ exclusiveMinimum: 0, maximum: 1e13 }),
    currency: Currency,
    status: Type.Optional(StringEnum(['pledged', 'confirmed', 'received'] as const)),
    contributedOn: Day,
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type CreateContributionBody = Static<typeof CreateContributionBody>;

export const UpdateContributionBody = Type.Object(
  {
    amount: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1e13 })),
    currency: Type.Optional(Currency),
    status: Type.Optional(StringEnum(CONTRIBUTION_STATUSES)),
    contributedOn: Type.Optional(Day),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateContributionBody = Static<typeof UpdateContributionBody>;

export const ContributionParams = Type.Object(
  { id: Uuid, projectId: Uuid, contributionId: Uuid },
  { additionalProperties: false },
);

export const LedgerContributionQuery = Type.Object(
  {
    kind: Type.Optional(StringEnum(CONTRIBUTOR_KINDS)),
    status: Type.Optional(StringEnum(CONTRIBUTION_STATUSES)),
    currency: Type.Optional(Currency),
  },
  { additionalProperties: false },
);
export type LedgerContributionQuery = Static<typeof LedgerContributionQuery>;
