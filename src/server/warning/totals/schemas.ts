import { type Static, Type } from '@sinclair/typebox';
import { StringEnum } from '../../http/schemas.js';
import { Language as Lang } from '../../reference/schemas.js';

export const REGIONS = [
  'americas',
  'asia_pacific',
  'east_southern_africa',
  'europe',
  'middle_east_north_africa',
  'west_central_africa',
] as const;

export const TotalsQuery = Type.Object(
  {
    year: Type.Optional(
      Type.Integer({ minimum: 1950, maximum: 2100, description: 'The year; the latest with data without it.' }),
    ),
    lang: Type.Optional(Lang),
    origins: Type.Optional(Type.Integer({ minimum: 1, maximum: 250, default: 20, description: 'How many countries of origin.' })),
  },
  { additionalProperties: false },
);
export type TotalsQuery = Static<typeof TotalsQuery>;

const Figures = Type.Object({
  refugees: Type.Number({ description: 'Refugees and people in refugee-like situations at the end of the year.' }),
  asylumSeekers: Type.Number({ description: 'Asylum seekers whose application was undecided at the end of the year.' }),
  countries: Type.Integer({ description: 'Countries with a value in the sum.' }),
});

export const TotalsView = Type.Object({
  year: Type.Union([Type.Integer(), Type.Null()], { description: 'Null when no UNHCR population data has been imported.' }),
  years: Type.Array(Type.Integer(), { description: 'Years with data, newest first.' }),
  world: Figures,
  osce: Type.Object(Figures.properties, { description: 'The OSCE participating States as countries of asylum.' }),
  regions: Type.Array(Type.Object({ region: StringEnum(REGIONS), ...Figures.properties }), {
    description: 'By UNHCR region (regional bureau) of the country of asylum.',
  }),
  trend: Type.Array(Type.Object({ year: Type.Integer(), refugees: Type.Number(), asylumSeekers: Type.Number() }), {
    description: 'The world totals of every year, oldest first.',
  }),
  origins: Type.Array(
    Type.Object({ country: Type.String(), name: Type.String(), refugees: Type.Number(), asylumSeekers: Type.Number() }),
    { description: 'Countries of origin with the most refugees abroad in the year, most first.' },
  ),
  sources: Type.Array(Type.Object({ source: Type.String(), method: Type.String(), batchId: Type.String() }), {
    description: 'The imports the figures come from, and what each did to its source.',
  }),
});
export type TotalsView = Static<typeof TotalsView>;
