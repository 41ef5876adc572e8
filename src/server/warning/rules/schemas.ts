import { type Static, Type } from '@sinclair/typebox';
import { Iso2, Level, RuleKind, RuleNames } from '../schemas.js';

export const RuleView = Type.Object({
  id: Type.String(),
  indicator: Type.String(),
  country: Type.Union([Iso2, Type.Null()]),
  kind: RuleKind,
  threshold: Type.Number(),
  windowPeriods: Type.Union([Type.Integer(), Type.Null()]),
  level: Level,
  name: Type.String(),
  names: RuleNames,
  minimumBase: Type.Union([Type.Number(), Type.Null()], {
    description: 'The rule ignores observations whose value and reference both stay below it (tiny bases).',
  }),
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
    minimumBase: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 1e15 }), Type.Null()])),
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
    minimumBase: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 1e15 }), Type.Null()])),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateRuleBody = Static<typeof UpdateRuleBody>;
