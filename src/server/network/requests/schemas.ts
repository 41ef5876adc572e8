import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';
import { Iso2 } from '../../roster/schemas.js';
import { SUBREGIONS } from '../notices/schemas.js';

const KeyAreaCode = Type.String({ pattern: '^[a-z][a-z0-9_]{0,40}$' });
const LanguageCode = Type.String({ pattern: '^[a-z]{2,3}$' });

/** Where a request stands: no best answer yet, or one chosen. */
export const REQUEST_STATUSES = ['open', 'resolved'] as const;

export const RequestBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    question: Type.String({ minLength: 1, maxLength: 8000 }),
    keyAreas: Type.Optional(Type.Array(KeyAreaCode, { maxItems: 5, uniqueItems: true })),
    /** The State the question is about, if one. */
    country: Type.Optional(Type.Union([Iso2, Type.Null()])),
    /** Only the members of this sub-region are told; every member when left out. */
    subregion: Type.Optional(Type.Union([StringEnum(SUBREGIONS), Type.Null()])),
  },
  { additionalProperties: false },
);
export type RequestBody = Static<typeof RequestBody>;

export const AnswerBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: 8000 }) }, { additionalProperties: false });
export type AnswerBody = Static<typeof AnswerBody>;

export const BestAnswerBody = Type.Object({ answerId: Uuid }, { additionalProperties: false });
export type BestAnswerBody = Static<typeof BestAnswerBody>;

export const SaveBody = Type.Object(
  {
    /** The language the question and its answer are written in. */
    language: LanguageCode,
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type SaveBody = Static<typeof SaveBody>;

export const RequestSummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  question: Type.String(),
  keyAreas: Type.Array(Type.String()),
  country: Type.Union([Iso2, Type.Null()]),
  subregion: Type.Union([StringEnum(SUBREGIONS), Type.Null()]),
  author: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  answers: Type.Integer(),
  status: StringEnum(REQUEST_STATUSES),
  /** The good-practice document the best answer was saved as. */
  documentId: Type.Union([Uuid, Type.Null()]),
  actions: Type.Array(StringEnum(['answer', 'choose_best', 'save_to_library'] as const)),
});
export type RequestSummary = Static<typeof RequestSummary>;

export const RequestList = Type.Object({
  items: Type.Array(RequestSummary),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export type RequestList = Static<typeof RequestList>;

export const Answer = Type.Object({
  id: Uuid,
  author: Type.Union([Type.String(), Type.Null()]),
  /** The State the author is a focal point of. */
  country: Type.Union([Type.String(), Type.Null()]),
  body: Type.String(),
  best: Type.Boolean(),
  createdAt: Type.String(),
});
export type Answer = Static<typeof Answer>;

export const RequestDetail = Type.Intersect([RequestSummary, Type.Object({ answerList: Type.Array(Answer) })]);
export type RequestDetail = Static<typeof RequestDetail>;

export const RequestQuery = Type.Object(
  {
    keyArea: Type.Optional(KeyAreaCode),
    subregion: Type.Optional(StringEnum(SUBREGIONS)),
    status: Type.Optional(StringEnum(REQUEST_STATUSES)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type RequestQuery = Static<typeof RequestQuery>;
