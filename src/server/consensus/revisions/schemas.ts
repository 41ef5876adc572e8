import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';
import { AmendmentView, Iso2 } from '../schemas.js';

export const CompareQuery = Type.Object(
  {
    from: Type.Integer({ minimum: 1, description: 'The earlier revision.' }),
    to: Type.Optional(Type.Integer({ minimum: 0, description: 'The later revision; 0 or absent for the working text.' })),
  },
  { additionalProperties: false },
);
export type CompareQuery = Static<typeof CompareQuery>;

const WordOp = Type.Object({ op: StringEnum(['same', 'added', 'deleted'] as const), text: Type.String() });

export const Comparison = Type.Object({
  from: Type.String(),
  to: Type.String(),
  paragraphs: Type.Array(
    Type.Object({
      id: Uuid,
      number: Type.String(),
      fromNumber: Type.Union([Type.String(), Type.Null()]),
      toNumber: Type.Union([Type.String(), Type.Null()]),
      change: StringEnum(['same', 'added', 'deleted', 'changed'] as const),
      moved: Type.Boolean(),
      words: Type.Array(WordOp),
    }),
  ),
});
export type Comparison = Static<typeof Comparison>;

export const Compilation = Type.Object({
  symbol: Type.String(),
  paragraphs: Type.Array(
    Type.Object({
      id: Type.Union([Uuid, Type.Null()]),
      number: Type.String(),
      /** The text as negotiators write it: unagreed words in square brackets, alternatives after them. */
      bracketed: Type.String(),
      agreed: Type.Boolean(),
      amendments: Type.Array(AmendmentView),
    }),
  ),
  /** Amendments whose paragraph a revision deleted: flagged, not lost. */
  orphans: Type.Array(AmendmentView),
});
export type Compilation = Static<typeof Compilation>;

export const AdoptBody = Type.Object(
  { meeting: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);
export type AdoptBody = Static<typeof AdoptBody>;
export { Iso2 };
