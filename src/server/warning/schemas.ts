import { type Static, Type } from '@sinclair/typebox';

const Iso2 = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code.' });
const Lang = Type.Union(['en', 'fr', 'de', 'it', 'ru', 'es'].map((l) => Type.Literal(l)));
export const Level = Type.Union([Type.Literal('yellow'), Type.Literal('orange'), Type.Literal('red')]);
export const RuleKind = Type.Union([
  Type.Literal('threshold'),
  Type.Literal('change_previous'),
  Type.Literal('change_year'),
  Type.Literal('zscore'),
]);
const Format = Type.Union(
  ['unhcr_population', 'unhcr_applications', 'sea_arrivals_year', 'sea_arrivals_month', 'hxl', 'mapping'].map((f) =>
    Type.Literal(f),
  ),
);

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

export const LangQuery = Type.Object({ lang: Type.Optional(Lang) }, { additionalProperties: false });

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
  batchId: Type.String(),
  importedAt: Type.String({ format: 'date-time' }),
});
export type ObservationView = Static<typeof ObservationView>;

export const ComparisonQuery = Type.Object(
  { indicator: Type.String(), period: Type.Optional(Type.String({ format: 'date' })), lang: Type.Optional(Lang) },
  { additionalProperties: false },
);
export const ComparisonView = Type.Object({
  indicator: IndicatorView,
  rows: Type.Array(Type.Object({ country: Type.String(), name: Type.String(), period: Type.String(), value: Type.Number() })),
});
export type ComparisonView = Static<typeof ComparisonView>;

export const ImportQuery = Type.Object(
  {
    format: Type.Optional(Format),
    dryRun: Type.Optional(Type.Boolean({ default: false })),
    indicator: Type.Optional(Type.String({ description: 'The indicator of every value, when no column says it.' })),
    mapping: Type.Optional(
      Type.String({ description: 'JSON {"country":label,"period":label,"value":label,"indicator"?:label} naming the columns.' }),
    ),
    fileName: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ImportQuery = Static<typeof ImportQuery>;

const RowIssue = Type.Object({ row: Type.Integer(), reason: Type.String() });
export const ImportReport = Type.Object({
  applied: Type.Boolean({ description: 'False after a dry run, or when any row was rejected: then nothing was changed.' }),
  dryRun: Type.Boolean(),
  format: Type.String(),
  source: Type.String(),
  rowCount: Type.Integer(),
  values: Type.Integer({ description: 'Values the file proposes (after summing UNHCR tables to country of asylum and year).' }),
  inserted: Type.Integer(),
  updated: Type.Integer({ description: 'Values corrected; the earlier value is kept in the history.' }),
  unchanged: Type.Integer(),
  alertsFired: Type.Integer(),
  rejectedCount: Type.Integer(),
  rejected: Type.Array(RowIssue, { description: 'The first 1,000 rejected rows.' }),
  skippedCount: Type.Integer(),
  skipped: Type.Array(RowIssue, { description: 'The first 100 rows without a value or a known country of asylum.' }),
  batchId: Type.Union([Type.String(), Type.Null()]),
});
export type ImportReport = Static<typeof ImportReport>;

export const BatchView = Type.Object({
  id: Type.String(),
  source: Type.String(),
  format: Type.String(),
  fileName: Type.String(),
  rowCount: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  skipped: Type.Integer(),
  importedAt: Type.String({ format: 'date-time' }),
  importedBy: Type.Union([Type.String(), Type.Null()]),
});

export const RuleView = Type.Object({
  id: Type.String(),
  indicator: Type.String(),
  country: Type.Union([Iso2, Type.Null()]),
  kind: RuleKind,
  threshold: Type.Number(),
  windowPeriods: Type.Union([Type.Integer(), Type.Null()]),
  level: Level,
  name: Type.String(),
  active: Type.Boolean(),
  actions: Type.Array(Type.Literal('edit')),
});
export type RuleView = Static<typeof RuleView>;

export const CreateRuleBody = Type.Object(
  {
    indicator: Type.String(),
    country: Type.Optional(Type.Union([Iso2, Type.Null()])),
    kind: RuleKind,
    threshold: Type.Number(),
    windowPeriods: Type.Optional(Type.Union([Type.Integer({ minimum: 3, maximum: 120 }), Type.Null()])),
    level: Level,
    name: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type CreateRuleBody = Static<typeof CreateRuleBody>;

export const UpdateRuleBody = Type.Object(
  {
    threshold: Type.Optional(Type.Number()),
    windowPeriods: Type.Optional(Type.Integer({ minimum: 3, maximum: 120 })),
    level: Type.Optional(Level),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateRuleBody = Static<typeof UpdateRuleBody>;

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const Iso2Params = Type.Object({ iso2: Iso2 });

export const AlertQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('acknowledged'), Type.Literal('dismissed')])),
    country: Type.Optional(Iso2),
    indicator: Type.Optional(Type.String()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 500 })),
    hxl: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type AlertQuery = Static<typeof AlertQuery>;

export const AlertView = Type.Object({
  id: Type.String(),
  rule: Type.Object({
    id: Type.String(),
    name: Type.String(),
    kind: RuleKind,
    windowPeriods: Type.Union([Type.Integer(), Type.Null()]),
  }),
  indicator: Type.String(),
  country: Type.String(),
  period: Type.String(),
  label: Type.String(),
  value: Type.Number(),
  referenceValue: Type.Union([Type.Number(), Type.Null()]),
  measure: Type.Number({ description: 'The value (threshold), the change in percent, or the z-score that fired the rule.' }),
  threshold: Type.Number(),
  level: Level,
  firedAt: Type.String({ format: 'date-time' }),
  explanation: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('acknowledged'), Type.Literal('dismissed')]),
  note: Type.String(),
  decidedBy: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  actions: Type.Array(Type.Union([Type.Literal('acknowledge'), Type.Literal('dismiss')])),
});
export type AlertView = Static<typeof AlertView>;

export const DecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('acknowledged'), Type.Literal('dismissed')]),
    note: Type.String({ maxLength: 2000, default: '' }),
  },
  { additionalProperties: false },
);
export type DecisionBody = Static<typeof DecisionBody>;

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
