import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';
import { Iso2, PARAGRAPH_STATES, STANCES } from '../schemas.js';

export const PositionBody = Type.Object(
  {
    country: Type.Optional(Iso2),
    stance: StringEnum([...STANCES, 'not_stated'] as const),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type PositionBody = Static<typeof PositionBody>;

export const Matrix = Type.Object({
  states: Type.Array(Iso2),
  paragraphs: Type.Array(Type.Object({ id: Uuid, number: Type.String(), state: StringEnum(PARAGRAPH_STATES) })),
  cells: Type.Array(Type.Object({ paragraphId: Uuid, country: Iso2, stance: StringEnum(STANCES), reason: Type.String() })),
  /** False when the reader sees only their own State's row and each paragraph's state. */
  complete: Type.Boolean(),
});
export type Matrix = Static<typeof Matrix>;
