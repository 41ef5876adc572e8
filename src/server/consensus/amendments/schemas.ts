import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';
import { AMENDMENT_KINDS, Iso2, PARTS, Text } from '../schemas.js';

export const TableAmendmentBody = Type.Object(
  {
    country: Type.Optional(Iso2),
    kind: StringEnum(AMENDMENT_KINDS),
    paragraphId: Type.Optional(Uuid),
    afterParagraphId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    part: Type.Optional(StringEnum(PARTS)),
    oldWords: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    newWords: Type.Optional(Type.Union([Text, Type.Literal('')])),
    justification: Type.Optional(Type.String({ maxLength: 2000 })),
    cosponsors: Type.Optional(Type.Array(Iso2, { maxItems: 56, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type TableAmendmentBody = Static<typeof TableAmendmentBody>;

export const CosponsorBody = Type.Object({ country: Type.Optional(Iso2) }, { additionalProperties: false });
export type CosponsorBody = Static<typeof CosponsorBody>;

export const DecideBody = Type.Object(
  {
    decision: StringEnum(['taken', 'merged', 'left'] as const),
    /** For a merge: the paragraph's words as the chair merged them. */
    text: Type.Optional(Text),
  },
  { additionalProperties: false },
);
export type DecideBody = Static<typeof DecideBody>;

export const AmendmentParams = Type.Object({ id: Uuid, amendmentId: Uuid }, { additionalProperties: false });
