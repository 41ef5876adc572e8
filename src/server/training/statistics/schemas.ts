import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';
import { Day } from '../../roster/schemas.js';

export const StatisticsQuery = Type.Object(
  {
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    courseId: Type.Optional(Uuid),
    countryIso2: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
  },
  { additionalProperties: false },
);
export type StatisticsQuery = Static<typeof StatisticsQuery>;

const Count = Type.Object({ key: Type.String(), count: Type.Integer() });

export const TrainingStatistics = Type.Object({
  /** People who completed a course (a person trained twice counts twice). */
  trained: Type.Integer(),
  byCountry: Type.Array(Count),
  byAgency: Type.Array(Count),
  byGender: Type.Array(Count),
  byYear: Type.Array(Count),
  byCourse: Type.Array(
    Type.Object({
      key: Type.String(),
      title: Type.String(),
      count: Type.Integer(),
      /** Mean knowledge gain in points (post-test minus pre-test percentage) of those who took both. */
      meanGain: Type.Union([Type.Number(), Type.Null()]),
      tested: Type.Integer(),
    }),
  ),
});
export type TrainingStatistics = Static<typeof TrainingStatistics>;

export const ExportQuery = Type.Object(
  { ...StatisticsQuery.properties, format: StringEnum(['csv', 'xlsx'] as const) },
  { additionalProperties: false },
);
export type ExportQuery = Static<typeof ExportQuery>;

export const ExpiringQuery = Type.Object(
  { days: Type.Optional(Type.Integer({ minimum: 1, maximum: 730, default: 90 })) },
  { additionalProperties: false },
);

export const ExpiringList = Type.Object({
  items: Type.Array(
    Type.Object({
      expertId: Uuid,
      name: Type.String(),
      code: Type.String(),
      expiresOn: Day,
      expired: Type.Boolean(),
    }),
  ),
});
export type ExpiringList = Static<typeof ExpiringList>;
