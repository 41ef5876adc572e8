import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { Iso2 } from '../schemas.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const FulfilmentQuery = Type.Object(
  {
    key: Type.Optional(
      Type.String({ pattern: '^[a-z0-9-]{1,64}$', description: 'The key that defines fair shares; eu-2015-09 without it.' }),
    ),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    from: Type.Optional(
      Type.String({
        pattern: '^[A-Z]{2}$',
        description: 'Only relocations from this State, and pledges for it or for no one in particular.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type FulfilmentQuery = Static<typeof FulfilmentQuery>;

export const FulfilmentRow = Type.Object({
  iso2: Iso2,
  name: Type.String(),
  inKey: Type.Boolean(),
  share: Nullable(Type.Number()),
  fairShare: Nullable(Type.Integer({ description: 'The State’s allocation of the key’s total.' })),
  pledged: Type.Integer({ description: 'Relocation places pledged, withdrawn pledges excluded.' }),
  delivered: Type.Integer({ description: 'Persons relocated.' }),
  deliveredOfPledge: Nullable(Type.Number({ description: 'delivered ÷ pledged' })),
  deliveredOfFairShare: Nullable(Type.Number({ description: 'delivered ÷ fair share' })),
  pledgedOfFairShare: Nullable(Type.Number({ description: 'pledged ÷ fair share' })),
  resettlementPlaces: Type.Integer(),
  experts: Type.Integer(),
  inKind: Type.Number(),
  money: Type.Record(Type.String(), Type.Number(), { description: 'Money pledged, by currency.' }),
});
export type FulfilmentRow = Static<typeof FulfilmentRow>;

export const FulfilmentView = Type.Object({
  key: Type.Object({ id: Type.String(), name: Type.String(), version: Type.Integer(), total: Type.Integer() }),
  from: Type.Union([Iso2, Type.Null()]),
  totals: Type.Object({ fairShare: Type.Integer(), pledged: Type.Integer(), delivered: Type.Integer() }),
  states: Type.Array(FulfilmentRow),
});
export type FulfilmentView = Static<typeof FulfilmentView>;
