import { type Static, Type } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';

export const Weights = Type.Object(
  {
    size: Type.Number({ minimum: 0, maximum: 100 }),
    gender: Type.Number({ minimum: 0, maximum: 100 }),
    load: Type.Number({ minimum: 0, maximum: 100 }),
    level: Type.Number({ minimum: 0, maximum: 100 }),
    readiness: Type.Number({ minimum: 0, maximum: 100 }),
  },
  { additionalProperties: false },
);

export const ComposeBody = Type.Object(
  {
    pinned: Type.Optional(Type.Array(Uuid, { maxItems: 50, uniqueItems: true })),
    excluded: Type.Optional(Type.Array(Uuid, { maxItems: 500, uniqueItems: true })),
    weights: Type.Optional(Type.Partial(Weights)),
  },
  { additionalProperties: false },
);
export type ComposeBody = Static<typeof ComposeBody>;

const Requirement = Type.Record(Type.String(), Type.Unknown());
export const CompositionView = Type.Object({
  feasible: Type.Boolean(),
  optimal: Type.Boolean(),
  candidates: Type.Integer(),
  team: Type.Array(
    Type.Object({
      expertId: Uuid,
      name: Type.String(),
      organisation: Type.String(),
      gender: Type.String(),
      covers: Type.Array(Type.String()),
      alternatives: Type.Array(Type.Object({ expertId: Uuid, name: Type.String() })),
    }),
  ),
  requirements: Type.Array(
    Type.Object({ key: Type.String(), label: Type.String(), requirement: Requirement, coveredBy: Type.Array(Type.String()) }),
  ),
  objective: Type.Union([
    Type.Object({
      size: Type.Number(),
      gender: Type.Number(),
      load: Type.Number(),
      level: Type.Number(),
      readiness: Type.Number(),
      total: Type.Number(),
    }),
    Type.Null(),
  ]),
  weights: Weights,
  diagnosis: Type.Array(
    Type.Object({
      key: Type.String(),
      requirement: Requirement,
      have: Type.Integer(),
      need: Type.Integer(),
      message: Type.String(),
    }),
  ),
});
export type CompositionView = Static<typeof CompositionView>;

export const ConfirmTeamBody = Type.Object(
  {
    expertIds: Type.Array(Uuid, { minItems: 1, maxItems: 50, uniqueItems: true }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type ConfirmTeamBody = Static<typeof ConfirmTeamBody>;

export const AppraisalParams = Type.Object({ id: Uuid, expertId: Uuid }, { additionalProperties: false });
export const AppraisalBody = Type.Object(
  {
    appraisal: Type.String({ minLength: 1, maxLength: 5000 }),
    rating: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 5 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type AppraisalBody = Static<typeof AppraisalBody>;
