import { type Static, Type } from '@sinclair/typebox';
import { Language } from '../../reference/schemas.js';
import { Iso2 } from '../schemas.js';

export const IndicatorView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  names: Type.Record(Type.String(), Type.String()),
  unit: Type.String(),
  source: Type.String(),
  frequency: Type.Union([Type.Literal('month'), Type.Literal('quarter'), Type.Literal('year')]),
  direction: Type.Union([Type.Literal('higher_is_worse'), Type.Literal('higher_is_better')]),
  description: Type.String(),
});
export type IndicatorView = Static<typeof IndicatorView>;

export const LangQuery = Type.Object({ lang: Type.Optional(Language) }, { additionalProperties: false });

export const SeriesQuery = Type.Object(
  {
    indicator: Type.Optional(Type.String({ description: 'Indicator codes, comma-separated.' })),
    country: Type.Optional(Type.String({ description: 'ISO 3166-1 alpha-2 codes, comma-separated.' })),
    from: Type.Optional(Type.String({ format: 'date' })),
    to: Type.Optional(Type.String({ format: 'date' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 10000 })),
    hxl: Type.Optional(Type.Boolean({ description: 'CSV export only: add a row of HXL hashtags under the labels.' })),
  },
  { additionalProperties: false },
);
export type SeriesQuery = Static<typeof SeriesQuery>;

export const ObservationView = Type.Object({
  indicator: Type.String(),
  country: Type.String(),
  period: Type.String({ description: 'First day of the month, quarter or year.' }),
  label: Type.String({ description: 'The period as people write it: 2015, 2015-Q2, 2015-03.' }),
  value: Type.Number(),
  source: Type.String(),
  method: Type.String({ description: 'What the import that brought the value did to its source.' }),
  batchId: Type.String(),
  importedAt: Type.String({ format: 'date-time' }),
});
export type ObservationView = Static<typeof ObservationView>;

export const ComparisonQuery = Type.Object(
  { indicator: Type.String(), period: Type.Optional(Type.String({ format: 'date' })), lang: Type.Optional(Language) },
  { additionalProperties: false },
);
export const ComparisonView = Type.Object({
  indicator: IndicatorView,
  rows: Type.Array(Type.Object({ country: Type.String(), name: Type.String(), period: Type.String(), value: Type.Number() })),
});
export type ComparisonView = Static<typeof ComparisonView>;

export const HistoryQuery = Type.Object(
  { indicator: Type.String(), country: Iso2, period: Type.String({ format: 'date' }) },
  { additionalProperties: false },
);
export type HistoryQuery = Static<typeof HistoryQuery>;
export const HistoryView = Type.Object({
  current: Type.Union([ObservationView, Type.Null()]),
  revisions: Type.Array(
    Type.Object({
      value: Type.Number(),
      source: Type.String(),
      batchId: Type.String(),
      replacedByBatchId: Type.String(),
      replacedAt: Type.String({ format: 'date-time' }),
    }),
    { description: 'Earlier values, newest first.' },
  ),
});
export type HistoryView = Static<typeof HistoryView>;

const Names = Type.Object(
  {
    en: Type.String({ minLength: 1, maxLength: 200 }),
    fr: Type.Optional(Type.String({ maxLength: 200 })),
    de: Type.Optional(Type.String({ maxLength: 200 })),
    it: Type.Optional(Type.String({ maxLength: 200 })),
    ru: Type.Optional(Type.String({ maxLength: 200 })),
    es: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const CreateIndicatorBody = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,62}$' }),
    names: Names,
    unit: Type.String({ minLength: 1, maxLength: 100 }),
    source: Type.String({ minLength: 1, maxLength: 300 }),
    frequency: Type.Union([Type.Literal('month'), Type.Literal('quarter'), Type.Literal('year')]),
    direction: Type.Union([Type.Literal('higher_is_worse'), Type.Literal('higher_is_better')]),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type CreateIndicatorBody = Static<typeof CreateIndicatorBody>;
export const UpdateIndicatorBody = Type.Object(
  {
    names: Type.Optional(Names),
    unit: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    direction: Type.Optional(Type.Union([Type.Literal('higher_is_worse'), Type.Literal('higher_is_better')])),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateIndicatorBody = Static<typeof UpdateIndicatorBody>;
export const CodeParams = Type.Object({ code: Type.String({ maxLength: 63 }) });
