import { type Static, Type } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';
import { Day } from '../../roster/schemas.js';

export const BalanceQuery = Type.Object({ from: Day, to: Day, missionId: Type.Optional(Uuid) }, { additionalProperties: false });
export type BalanceQuery = Static<typeof BalanceQuery>;

const Grouping = Type.Object({
  key: Type.String(),
  categories: Type.Array(Type.Object({ key: Type.String(), count: Type.Integer() })),
  index: Type.Union([Type.Number(), Type.Null()]),
});
export const BalanceView = Type.Object({
  from: Day,
  to: Day,
  missions: Type.Integer(),
  visits: Type.Integer(),
  groupings: Type.Array(Grouping),
  index: Type.Union([Type.Number(), Type.Null()]),
  proposal: Type.Union([
    Type.Object({
      missionId: Uuid,
      code: Type.String(),
      before: Type.Union([Type.Number(), Type.Null()]),
      after: Type.Union([Type.Number(), Type.Null()]),
      falls: Type.Boolean(),
      warning: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
});
export type BalanceView = Static<typeof BalanceView>;
