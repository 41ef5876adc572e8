import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';
import { Iso2 } from '../schemas.js';

export const PLEDGE_TYPES = ['relocation_places', 'resettlement_places', 'money', 'experts', 'in_kind'] as const;
export const PLEDGE_STATUSES = ['announced', 'confirmed', 'fulfilled', 'withdrawn'] as const;
export type PledgeType = (typeof PLEDGE_TYPES)[number];

const Day = Type.String({ format: 'date', description: 'A date, YYYY-MM-DD.' });
const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'A month, YYYY-MM.' });
const Person = Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]);

export const PledgeView = Type.Object({
  id: Uuid,
  countryIso2: Iso2,
  countryName: Type.String(),
  type: StringEnum(PLEDGE_TYPES),
  quantity: Type.Number({ description: 'Places, experts, items, or an amount of money in the currency.' }),
  currency: Type.Union([Type.String(), Type.Null()]),
  beneficiaryIso2: Type.Union([Iso2, Type.Null()]),
  description: Type.String(),
  pledgedOn: Type.String({ format: 'date' }),
  dueOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  status: StringEnum(PLEDGE_STATUSES),
  revision: Type.Integer(),
  delivered: Type.Integer({ description: 'Persons relocated against this pledge.' }),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Person,
  actions: Type.Array(Type.Literal('edit')),
});
export type PledgeView = Static<typeof PledgeView>;

const pledgeFields = {
  type: StringEnum(PLEDGE_TYPES),
  quantity: Type.Number({ minimum: 0, maximum: 1e13 }),
  currency: Type.Optional(Type.Union([Type.String({ pattern: '^[A-Z]{3}$' }), Type.Null()])),
  beneficiaryIso2: Type.Optional(Type.Union([Iso2, Type.Null()])),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  pledgedOn: Day,
  dueOn: Type.Optional(Type.Union([Day, Type.Null()])),
  status: Type.Optional(StringEnum(PLEDGE_STATUSES)),
};

export const CreatePledgeBody = Type.Object({ countryIso2: Iso2, ...pledgeFields }, { additionalProperties: false });
export type CreatePledgeBody = Static<typeof CreatePledgeBody>;

export const UpdatePledgeBody = Type.Partial(Type.Object(pledgeFields), { additionalProperties: false, minProperties: 1 });
export type UpdatePledgeBody = Static<typeof UpdatePledgeBody>;

export const PledgeQuery = Type.Object(
  {
    country: Type.Optional(Iso2),
    type: Type.Optional(StringEnum(PLEDGE_TYPES)),
    status: Type.Optional(StringEnum(PLEDGE_STATUSES)),
  },
  { additionalProperties: false },
);
export type PledgeQuery = Static<typeof PledgeQuery>;

export const RelocationView = Type.Object({
  id: Uuid,
  countryIso2: Iso2,
  countryName: Type.String(),
  fromIso2: Iso2,
  fromName: Type.String(),
  period: Month,
  persons: Type.Integer(),
  pledgeId: Type.Union([Uuid, Type.Null()]),
  note: Type.String(),
  revision: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Person,
  actions: Type.Array(Type.Literal('edit')),
});
export type RelocationView = Static<typeof RelocationView>;

const relocationFields = {
  fromIso2: Iso2,
  period: Month,
  persons: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
  pledgeId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
};

export const CreateRelocationBody = Type.Object(
  {
    countryIso2: Type.String({ pattern: '^[A-Z]{2}$', description: 'The State that received the persons.' }),
    ...relocationFields,
  },
  { additionalProperties: false },
);
export type CreateRelocationBody = Static<typeof CreateRelocationBody>;

export const UpdateRelocationBody = Type.Partial(Type.Object(relocationFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateRelocationBody = Static<typeof UpdateRelocationBody>;

export const RelocationQuery = Type.Object(
  { country: Type.Optional(Iso2), from: Type.Optional(Iso2) },
  { additionalProperties: false },
);
export type RelocationQuery = Static<typeof RelocationQuery>;

export const RevisionView = Type.Object({
  revision: Type.Integer(),
  action: StringEnum(['create', 'update'] as const),
  changedAt: Type.String({ format: 'date-time' }),
  changedBy: Person,
  changes: Type.Array(Type.Object({ field: Type.String(), from: Type.Unknown(), to: Type.Unknown() })),
  snapshot: Type.Record(Type.String(), Type.Unknown()),
});
export type RevisionView = Static<typeof RevisionView>;
