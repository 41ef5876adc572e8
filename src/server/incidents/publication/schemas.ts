import { type Static, Type } from '@sinclair/typebox';
import { StringEnum } from '../../http/schemas.js';
import { BIAS_MOTIVATIONS, TARGETS } from '../categories.js';
import { IncidentType, Iso2 } from '../schemas.js';

export const STAT_DIMENSIONS = ['country', 'year', 'incidentType', 'biasMotivation', 'target'] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

export const StatisticsQuery = Type.Object(
  {
    by: Type.Optional(StringEnum(STAT_DIMENSIONS)),
    country: Type.Optional(Iso2),
    year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
    incidentType: Type.Optional(IncidentType),
    biasMotivation: Type.Optional(StringEnum(BIAS_MOTIVATIONS)),
    target: Type.Optional(StringEnum(TARGETS)),
  },
  {
    additionalProperties: false,
    description:
      'A slice of the fixed published tables (country, incident type, bias motivation and target, each by year): ' +
      'by one of them with at most a year, or by year with at most one of them.',
  },
);
export type StatisticsQuery = Static<typeof StatisticsQuery>;

/** A published count: a multiple of 5, or suppressed (value null): 0 to 4, or withheld to protect one. */
export const PublishedCount = Type.Object({
  value: Type.Union([Type.Integer(), Type.Null()]),
  suppressed: Type.Boolean(),
});
export type PublishedCount = Static<typeof PublishedCount>;

export const StatisticsView = Type.Object({
  by: StringEnum(STAT_DIMENSIONS),
  total: PublishedCount,
  rows: Type.Array(Type.Object({ key: Type.String(), count: PublishedCount })),
  rule: Type.String(),
  asOf: Type.Union([Type.String(), Type.Null()], { description: 'When the published figures were computed.' }),
});
export type StatisticsView = Static<typeof StatisticsView>;
