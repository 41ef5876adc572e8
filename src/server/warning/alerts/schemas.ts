import { type Static, Type } from '@sinclair/typebox';
import { StringEnum } from '../../http/schemas.js';
import { FLOW_ROLES } from '../flows/schemas.js';
import { Iso2, Level, RuleKind, RuleNames } from '../schemas.js';

const AlertFilters = {
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('acknowledged'), Type.Literal('dismissed')])),
  country: Type.Optional(Iso2),
  indicator: Type.Optional(Type.String({ maxLength: 64 })),
  level: Type.Optional(Level),
  rule: Type.Optional(Type.String({ format: 'uuid' })),
  flow: Type.Optional(
    StringEnum(FLOW_ROLES, { description: 'Only countries of origin, transit or destination in the latest year with data.' }),
  ),
};

/** A page of the inbox: the filters, and where the page starts. */
export const AlertQuery = Type.Object(
  {
    ...AlertFilters,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type AlertQuery = Static<typeof AlertQuery>;

/** The export: every alert the filters match, up to a ceiling. */
export const AlertExportQuery = Type.Object(
  {
    ...AlertFilters,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 10000 })),
    hxl: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type AlertExportQuery = Static<typeof AlertExportQuery>;

export const AlertView = Type.Object({
  id: Type.String(),
  rule: Type.Object({
    id: Type.String(),
    name: Type.String(),
    names: RuleNames,
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
  drivers: Type.Array(Type.String(), { description: 'The codes of the drivers of displacement named for the alert.' }),
  mayClassify: Type.Boolean({ description: 'Whether the caller may name the drivers behind the alert.' }),
});
export type AlertView = Static<typeof AlertView>;

export const AlertPage = Type.Object({
  items: Type.Array(AlertView),
  total: Type.Integer({ minimum: 0 }),
  limit: Type.Integer(),
  offset: Type.Integer(),
  byCountry: Type.Array(Type.Object({ country: Type.String(), count: Type.Integer() }), {
    description: 'How many alerts match in each country, most first (every country, whatever the country filter).',
  }),
});
export type AlertPage = Static<typeof AlertPage>;

export const DecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('acknowledged'), Type.Literal('dismissed')]),
    note: Type.String({ maxLength: 2000, default: '' }),
  },
  { additionalProperties: false },
);
export type DecisionBody = Static<typeof DecisionBody>;

export const BulkDecisionBody = Type.Object(
  {
    ids: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 500, uniqueItems: true }),
    decision: Type.Union([Type.Literal('acknowledged'), Type.Literal('dismissed')]),
    note: Type.String({ maxLength: 2000, default: '' }),
  },
  { additionalProperties: false },
);
export type BulkDecisionBody = Static<typeof BulkDecisionBody>;

export const BulkDecisionView = Type.Object({
  decided: Type.Integer({ description: 'Alerts decided now (each audited).' }),
  skipped: Type.Integer({ description: 'Alerts someone had already decided on.' }),
});
export type BulkDecisionView = Static<typeof BulkDecisionView>;
