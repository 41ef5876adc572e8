import { type Static, Type } from '@sinclair/typebox';
import { AlertView } from '../alerts/schemas.js';
import { Iso2 } from '../schemas.js';

export const Iso2Params = Type.Object({ iso2: Iso2 });

const RiskLevel = Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('orange'), Type.Literal('red')]);
const RiskPoint = Type.Object({
  year: Type.Integer(),
  score: Type.Number(),
  level: RiskLevel,
  alerts: Type.Number({ description: 'Points from indicator alerts (0–50).' }),
  mission: Type.Union([Type.Number(), Type.Null()], {
    description: 'Points from the latest mission alert level (0–30); null when none is known.',
  }),
  incidents: Type.Union([Type.Number(), Type.Null()], {
    description: 'Points from verified hate incidents (0–20); null when none are known.',
  }),
});
export const RiskQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 1950, maximum: 2200 })) },
  { additionalProperties: false },
);
export const RiskMapView = Type.Object({
  year: Type.Union([Type.Integer(), Type.Null()]),
  years: Type.Array(Type.Integer()),
  formula: Type.String(),
  countries: Type.Array(Type.Intersect([Type.Object({ country: Type.String() }), RiskPoint])),
});
export type RiskMapView = Static<typeof RiskMapView>;
export const CountryRiskView = Type.Object({
  country: Type.String(),
  current: Type.Union([RiskPoint, Type.Null()]),
  history: Type.Array(RiskPoint),
  alerts: Type.Array(AlertView),
  formula: Type.String(),
});
export type CountryRiskView = Static<typeof CountryRiskView>;
export type RiskPoint = Static<typeof RiskPoint>;
