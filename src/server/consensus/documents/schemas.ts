import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';
import { BODIES, COUNCILS, KINDS, LANGUAGES, PARTS, STAGES, Text } from '../schemas.js';

export const DocumentQuery = Type.Object(
  {
    body: Type.Optional(StringEnum(BODIES)),
    stage: Type.Optional(StringEnum(STAGES)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type DocumentQuery = Static<typeof DocumentQuery>;

export const CreateDocumentBody = Type.Object(
  {
    council: StringEnum(COUNCILS),
    number: Type.Integer({ minimum: 1, maximum: 999 }),
    year: Type.Integer({ minimum: 0, maximum: 99, description: 'Two digits: 16 for 2016.' }),
    kind: Type.Optional(StringEnum(KINDS)),
    title: Type.String({ minLength: 1, maxLength: 300 }),
    body: StringEnum(BODIES),
    originalLanguage: Type.Optional(StringEnum(LANGUAGES)),
  },
  { additionalProperties: false },
);
export type CreateDocumentBody = Static<typeof CreateDocumentBody>;

export const UpdateDocumentBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    body: Type.Optional(StringEnum(BODIES)),
    showNames: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateDocumentBody = Static<typeof UpdateDocumentBody>;

export const AddParagraphBody = Type.Object(
  {
    part: StringEnum(PARTS),
    text: Text,
    afterId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    parentId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    commitmentId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  },
  { additionalProperties: false },
);
export type AddParagraphBody = Static<typeof AddParagraphBody>;

export const EditParagraphBody = Type.Object(
  { text: Type.Optional(Text), commitmentId: Type.Optional(Type.Union([Uuid, Type.Null()])) },
  { additionalProperties: false, minProperties: 1 },
);
export type EditParagraphBody = Static<typeof EditParagraphBody>;

export const SymbolBody = Type.Object(
  {
    council: StringEnum(COUNCILS),
    number: Type.Integer({ minimum: 1, maximum: 999 }),
    year: Type.Integer({ minimum: 0, maximum: 99, description: 'Two digits: 16 for 2016.' }),
  },
  { additionalProperties: false },
);
export type SymbolBody = Static<typeof SymbolBody>;
