import { type Static, Type } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';
import { Day } from '../../roster/schemas.js';
import { NominationStatus, TestKind } from '../schemas.js';

export const AttendanceBody = Type.Object(
  {
    entries: Type.Array(Type.Object({ nominationId: Uuid, day: Day, present: Type.Boolean() }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 5000,
    }),
  },
  { additionalProperties: false },
);
export type AttendanceBody = Static<typeof AttendanceBody>;

export const TestParams = Type.Object({ id: Uuid, kind: TestKind }, { additionalProperties: false });
export const AnswersBody = Type.Object(
  { answers: Type.Array(Type.Union([Type.Integer({ minimum: 0, maximum: 20 }), Type.Null()]), { maxItems: 50 }) },
  { additionalProperties: false },
);
export type AnswersBody = Static<typeof AnswersBody>;

export const TestView = Type.Object({
  kind: TestKind,
  course: Type.String(),
  questions: Type.Array(Type.Object({ text: Type.String(), options: Type.Array(Type.String()) })),
  attempt: Type.Union([
    Type.Object({ score: Type.Integer(), max: Type.Integer(), percent: Type.Number(), submittedAt: Type.String() }),
    Type.Null(),
  ]),
});
export type TestView = Static<typeof TestView>;

const Likert = Type.Integer({ minimum: 1, maximum: 5 });
export const EvaluationBody = Type.Object(
  {
    relevance: Likert,
    content: Likert,
    trainers: Likert,
    organisation: Likert,
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type EvaluationBody = Static<typeof EvaluationBody>;

export const EvaluationQuery = Type.Object(
  {
    sessionId: Type.Optional(Uuid),
    courseId: Type.Optional(Uuid),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    hostOrganisationId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type EvaluationQuery = Static<typeof EvaluationQuery>;

export const EvaluationSummary = Type.Object({
  /** How many answers the filter holds; results appear only from the minimum up. */
  answers: Type.Integer(),
  minimum: Type.Integer(),
  means: Type.Union([
    Type.Object({ relevance: Type.Number(), content: Type.Number(), trainers: Type.Number(), organisation: Type.Number() }),
    Type.Null(),
  ]),
  distribution: Type.Union([Type.Record(Type.String(), Type.Array(Type.Integer())), Type.Null()]),
  comments: Type.Union([Type.Array(Type.String()), Type.Null()]),
});
export type EvaluationSummary = Static<typeof EvaluationSummary>;

export const MyTraining = Type.Object({
  items: Type.Array(
    Type.Object({
      nominationId: Uuid,
      sessionId: Uuid,
      course: Type.String(),
      startsOn: Day,
      endsOn: Day,
      status: NominationStatus,
      reason: Type.String(),
      preScore: Type.Union([Type.Number(), Type.Null()]),
      postScore: Type.Union([Type.Number(), Type.Null()]),
      gain: Type.Union([Type.Number(), Type.Null()]),
      hasQuestions: Type.Boolean(),
      evaluated: Type.Boolean(),
      completedOn: Type.Union([Day, Type.Null()]),
      certificateCode: Type.Union([Type.String(), Type.Null()]),
      certificateRevoked: Type.Boolean(),
    }),
  ),
});
export type MyTraining = Static<typeof MyTraining>;
