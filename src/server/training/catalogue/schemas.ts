import { type Static, Type } from '@sinclair/typebox';
import { Page, Pagination, StringEnum, Uuid } from '../../http/schemas.js';
import { KEY_AREAS } from '../../reference/values.js';
import { Code, Day, GENDERS, PREREQUISITES } from '../../roster/schemas.js';
import { MaterialView } from '../materials/schemas.js';
import { Audience, NominationStatus } from '../schemas.js';

const Language = Type.String({ pattern: '^[a-z]{2,3}$' });

export const CourseBody = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{1,30}$' }),
    title: Type.String({ minLength: 1, maxLength: 300 }),
    objectives: Type.String({ maxLength: 5000 }),
    providerCode: Type.String({ minLength: 2, maxLength: 40 }),
    audiences: Type.Array(Audience, { minItems: 1, uniqueItems: true }),
    durationHours: Type.Integer({ minimum: 1, maximum: 1000 }),
    languages: Type.Array(Language, { minItems: 1, maxItems: 20, uniqueItems: true }),
    prerequisites: Type.Optional(Type.String({ maxLength: 2000 })),
    keyArea: StringEnum(KEY_AREAS),
    grantsPrerequisite: Type.Optional(Type.Union([StringEnum(PREREQUISITES), Type.Null()])),
    grantsValidityMonths: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 240 }), Type.Null()])),
    grantsCompetence: Type.Optional(Type.Union([Code, Type.Null()])),
    grantsLevel: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 3 }), Type.Null()])),
    questions: Type.Optional(
      Type.Array(
        Type.Object(
          {
            text: Type.String({ minLength: 1, maxLength: 1000 }),
            options: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { minItems: 2, maxItems: 8 }),
            correct: Type.Integer({ minimum: 0, maximum: 7 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type CourseBody = Static<typeof CourseBody>;

export const CourseView = Type.Object({
  id: Uuid,
  code: Type.String(),
  title: Type.String(),
  objectives: Type.String(),
  provider: Type.Object({ code: Type.String(), name: Type.String() }),
  audiences: Type.Array(Audience),
  durationHours: Type.Integer(),
  languages: Type.Array(Type.String()),
  prerequisites: Type.String(),
  keyArea: Type.String(),
  grantsPrerequisite: Type.Union([Type.String(), Type.Null()]),
  grantsValidityMonths: Type.Union([Type.Integer(), Type.Null()]),
  grantsCompetence: Type.Union([Type.String(), Type.Null()]),
  grantsLevel: Type.Union([Type.Integer(), Type.Null()]),
  questionCount: Type.Integer(),
  sessionCount: Type.Integer(),
  actions: Type.Array(StringEnum(['schedule', 'edit'] as const)),
});
export type CourseView = Static<typeof CourseView>;

export const CourseQuery = Type.Object(
  {
    keyArea: Type.Optional(StringEnum(KEY_AREAS)),
    audience: Type.Optional(Audience),
    q: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type CourseQuery = Static<typeof CourseQuery>;
export const CourseList = Type.Object({ items: Type.Array(CourseView), canCreate: Type.Boolean() });

const Material = Type.Object(
  { title: Type.String({ minLength: 1, maxLength: 300 }), url: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);

/** A trainer is an expert of the roster or an external person, by name. */
const Trainers = Type.Array(
  Type.Object(
    {
      expertId: Type.Optional(Uuid),
      externalName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    },
    { additionalProperties: false },
  ),
  { maxItems: 20 },
);

export const SessionBody = Type.Object(
  {
    courseId: Uuid,
    startsOn: Day,
    endsOn: Day,
    online: Type.Boolean(),
    venue: Type.Optional(Type.String({ maxLength: 300 })),
    language: Language,
    capacity: Type.Integer({ minimum: 1, maximum: 500 }),
    hostOrganisationId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    agenda: Type.Optional(Type.String({ maxLength: 10000 })),
    materials: Type.Optional(Type.Array(Material, { maxItems: 50 })),
    trainers: Type.Optional(Trainers),
  },
  { additionalProperties: false },
);
export type SessionBody = Static<typeof SessionBody>;

/** A session's trainers, replaced as a whole from the session page. */
export const TrainersBody = Type.Object({ trainers: Trainers }, { additionalProperties: false });
export type TrainersBody = Static<typeof TrainersBody>;

export const SessionQuery = Type.Object(
  {
    courseId: Type.Optional(Uuid),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    hostOrganisationId: Type.Optional(Uuid),
    ...Pagination,
  },
  { additionalProperties: false },
);
export type SessionQuery = Static<typeof SessionQuery>;

export const SessionSummary = Type.Object({
  id: Uuid,
  course: Type.Object({ id: Uuid, code: Type.String(), title: Type.String(), durationHours: Type.Integer() }),
  startsOn: Day,
  endsOn: Day,
  online: Type.Boolean(),
  venue: Type.String(),
  language: Type.String(),
  capacity: Type.Integer(),
  selected: Type.Integer(),
  host: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
});
export type SessionSummary = Static<typeof SessionSummary>;
export const SessionPage = Page(SessionSummary);
export type SessionPage = Static<typeof SessionPage>;

export const NominationView = Type.Object({
  id: Uuid,
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  countryIso2: Type.String(),
  function: Type.String(),
  agencyType: Audience,
  gender: StringEnum(GENDERS),
  languages: Type.Array(Type.String()),
  status: NominationStatus,
  reason: Type.String(),
  expertId: Type.Union([Uuid, Type.Null()]),
  hasAccount: Type.Boolean(),
  completedOn: Type.Union([Day, Type.Null()]),
  attendance: Type.Array(Type.Object({ day: Day, present: Type.Boolean() })),
  preScore: Type.Union([Type.Number(), Type.Null()]),
  postScore: Type.Union([Type.Number(), Type.Null()]),
  gain: Type.Union([Type.Number(), Type.Null()]),
  certificateCode: Type.Union([Type.String(), Type.Null()]),
  certificateRevoked: Type.Boolean(),
});
export type NominationView = Static<typeof NominationView>;

export const SessionView = Type.Object({
  ...SessionSummary.properties,
  course: CourseView,
  agenda: Type.String(),
  materials: Type.Array(Material),
  /** Uploaded materials, listed for the provider's staff and the session's participants only. */
  documents: Type.Array(MaterialView),
  days: Type.Array(Day),
  trainers: Type.Array(Type.Object({ expertId: Type.Union([Uuid, Type.Null()]), name: Type.String() })),
  nominations: Type.Array(NominationView),
  meanGain: Type.Union([Type.Number(), Type.Null()]),
  actions: Type.Array(StringEnum(['nominate', 'manage'] as const)),
  /** The States the actor may nominate for; null when any. */
  nominateCountries: Type.Union([Type.Array(Type.String()), Type.Null()]),
});
export type SessionView = Static<typeof SessionView>;
