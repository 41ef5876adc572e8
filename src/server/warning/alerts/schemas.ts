import { type Static, Type } from '@sinclair/typebox';
import { Iso2, Level, RuleKind } from '../schemas.js';

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
