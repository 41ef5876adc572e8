import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';
import { Iso2 } from '../schemas.js';

export const DIRECTIONS = ['proportional', 'inverse'] as const;

export const Criterion = Type.Object(
  {
    code: Type.String({
      pattern: '^[a-z][a-z0-9_]{0,39}$',
      description:
        'A short code naming the indicator, e.g. population, gdp, unemployment_rate. The code `population` also decides eligibility: a State with no inhabitants gets nothing.',
    }),
    label: Type.String({ minLength: 1, maxLength: 120 }),
    weight: Type.Number({ description: 'The weight of the criterion; the weights of a key sum to 1.' }),
    direction: StringEnum(DIRECTIONS, {
      description: 'proportional: a larger value means a larger share; inverse: a larger value means a smaller share.',
    }),
    cap: Type.Optional(
      Type.Union([Type.Number(), Type.Null()], {
        description:
          'At most this multiple of the State’s base share (the share by the uncapped criteria), above 0 and at most 10. What a cap removes is spread again by the base share.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type Criterion = Static<typeof Criterion>;

export const StateInput = Type.Object(
  {
    iso2: Iso2,
    values: Type.Record(Type.String(), Type.Union([Type.Number(), Type.Null()]), {
      description: 'The State’s value for each criterion, by criterion code.',
    }),
  },
  { additionalProperties: false },
);
export type StateInput = Static<typeof StateInput>;

export const KeyDefinition = Type.Object(
  {
    criteria: Type.Array(Criterion, { maxItems: 12 }),
    states: Type.Array(StateInput, { maxItems: 250 }),
    total: Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'What is shared: persons, places or money.' }),
    beneficiaries: Type.Optional(
      Type.Array(Iso2, {
        maxItems: 250,
        description:
          'States of the group that the scheme relieves (e.g. Italy and Greece in the 2015 relocation schemes): they receive no allocation and the total is shared among the others.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type KeyDefinition = Static<typeof KeyDefinition>;

export const Contribution = Type.Object({
  criterion: Type.String(),
  share: Type.Number({
    description: 'The part of the State’s share that this criterion gives (weight × criterion share, after any cap).',
  }),
  capped: Type.Boolean(),
});

export const StateResult = Type.Object({
  iso2: Iso2,
  eligible: Type.Boolean({
    description: 'False for a State with zero population or a beneficiary of the scheme: it gets nothing.',
  }),
  beneficiary: Type.Boolean({ description: 'True for a State the scheme relieves: it receives no allocation.' }),
  share: Type.Number({ description: 'The State’s share of the total, between 0 and 1.' }),
  quota: Type.Number({ description: 'share × total, before rounding.' }),
  allocation: Type.Integer({
    description: 'The quota rounded by the largest-remainder method; the allocations sum to the total.',
  }),
  contributions: Type.Array(Contribution),
  residual: Type.Number({
    description: 'The part of the share that comes from what the caps removed, spread by the base share.',
  }),
});
export type StateResult = Static<typeof StateResult>;

export const KeyResult = Type.Object({
  total: Type.Integer(),
  baseCriteria: Type.Array(Type.String(), { description: 'The uncapped criteria, whose shares form the base share.' }),
  residualShare: Type.Number({ description: 'The part of the total that caps removed and the base share spread again.' }),
  states: Type.Array(StateResult),
});
export type KeyResult = Static<typeof KeyResult>;

export const KeyParam = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z0-9-]{1,64}$', description: 'A preset code (e.g. eu-2015-05) or the id of a saved key.' }),
  },
  { additionalProperties: false },
);
export const VersionQuery = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1, description: 'A version of a saved key; the latest without it.' })) },
  { additionalProperties: false },
);

export const KeySummary = Type.Object({
  id: Type.String(),
  source: StringEnum(['preset', 'saved'] as const),
  name: Type.String(),
  description: Type.String(),
  version: Type.Integer(),
  total: Type.Integer(),
  stateCount: Type.Integer(),
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type KeySummary = Static<typeof KeySummary>;

export const KeyVersionSummary = Type.Object({
  version: Type.Integer(),
  note: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const KeyView = Type.Object({
  ...KeySummary.properties,
  basedOn: Type.Union([Type.String(), Type.Null()]),
  notes: Type.Array(Type.String(), { description: 'What a reader must know about the data of this key.' }),
  sources: Type.Array(Type.String(), {
    description: 'Where the inputs come from and which published figures the key reproduces.',
  }),
  definition: KeyDefinition,
  result: KeyResult,
  versions: Type.Array(KeyVersionSummary),
  actions: Type.Array(StringEnum(['new_version', 'save_as'] as const)),
});
export type KeyView = Static<typeof KeyView>;

export const CreateKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    basedOn: Type.Optional(Type.Union([Type.String({ pattern: '^[a-z0-9-]{1,64}$' }), Type.Null()])),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    definition: KeyDefinition,
  },
  { additionalProperties: false },
);
export type CreateKeyBody = Static<typeof CreateKeyBody>;

export const NewVersionBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 1000 })), definition: KeyDefinition },
  { additionalProperties: false },
);
export type NewVersionBody = Static<typeof NewVersionBody>;

export const KeyIdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
