import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { StringEnum } from '../../http/schemas.js';
import { Iso2 } from '../schemas.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const BurdenQuery = Type.Object(
  {
    year: Type.Optional(
      Type.Integer({ minimum: 1951, maximum: 2100, description: 'The latest year with population figures without it.' }),
    ),
    scope: Type.Optional(
      StringEnum(['osce', 'all'] as const, { description: 'osce: participating States and Partners only (default).' }),
    ),
  },
  { additionalProperties: false },
);
export type BurdenQuery = Static<typeof BurdenQuery>;

export const BurdenRow = Type.Object({
  iso2: Type.Union([Iso2, Type.Null()]),
  iso3: Type.String(),
  name: Type.String(),
  osceStatus: Type.Union([Type.String(), Type.Null()]),
  refugees: Nullable(Type.Number()),
  asylumSeekers: Nullable(Type.Number()),
  seaArrivals: Nullable(Type.Number()),
  population: Type.Number(),
  gdpUsd: Nullable(Type.Number()),
  refugeesPer1000: Nullable(Type.Number()),
  arrivalsPer1000: Nullable(Type.Number()),
  refugeesPerBillionUsd: Nullable(Type.Number({ description: 'Refugees per US$ 1 billion of GDP.' })),
  arrivalsPerBillionUsd: Nullable(Type.Number()),
});
export type BurdenRow = Static<typeof BurdenRow>;

export const BurdenView = Type.Object({
  year: Type.Integer(),
  years: Type.Array(Type.Integer()),
  attribution: Type.Array(Type.String()),
  rows: Type.Array(BurdenRow),
});
export type BurdenView = Static<typeof BurdenView>;
