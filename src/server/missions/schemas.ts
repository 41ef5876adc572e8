import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../http/schemas.js';
import { CefrLevel, Code, Day, Iso2 } from '../roster/schemas.js';

export const MISSION_STATUSES = [
  'draft',
  'proposed',
  'approved',
  'team_confirmed',
  'deployed',
  'reporting',
  'closed',
  'cancelled',
] as const;
export const MissionStatus = StringEnum(MISSION_STATUSES);
export const CONSENT_STATUSES = ['not_requested', 'requested', 'given', 'refused'] as const;

const CompetenceNeed = Type.Object(
  { code: Code, minLevel: Type.Integer({ minimum: 1, maximum: 3 }), count: Type.Integer({ minimum: 1, maximum: 50 }) },
  { additionalProperties: false },
);
const LanguageNeed = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z]{2,3}$' }),
    minLevel: CefrLevel,
    skill: Type.Optional(StringEnum(['speaking', 'writing'] as const)),
  },
  { additionalProperties: false },
);

const missionFields = {
  code: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{1,30}$', description: 'e.g. RFFM-2027-03' }),
  title: Type.String({ minLength: 1, maxLength: 300 }),
  hostCountries: Type.Array(Iso2, { minItems: 1, maxItems: 12, uniqueItems: true }),
  termsOfReference: Type.String({ maxLength: 20000 }),
  mandateReference: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
  mandateDate: Type.Union([Day, Type.Null()]),
  consentStatus: StringEnum(CONSENT_STATUSES),
  consentDate: Type.Union([Day, Type.Null()]),
  consentDocument: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
  startsOn: Day,
  endsOn: Day,
  competences: Type.Array(CompetenceNeed, { maxItems: 30 }),
  languages: Type.Array(LanguageNeed, { maxItems: 20 }),
  teamMin: Type.Integer({ minimum: 1, maximum: 50 }),
  teamMax: Type.Integer({ minimum: 1, maximum: 50 }),
  allDimensions: Type.Boolean(),
  minOrganisations: Type.Integer({ minimum: 1, maximum: 50 }),
  requiredPrerequisites: Type.Array(Code, { maxItems: 10, uniqueItems: true }),
};

const optional = <T extends Record<string, import('@sinclair/typebox').TSchema>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Type.Optional(v)])) as {
    [K in keyof T]: import('@sinclair/typebox').TOptional<T[K]>;
  };

const { code, title, hostCountries, startsOn, endsOn, ...rest } = missionFields;
export const CreateMissionBody = Type.Object(
  { code, title, hostCountries, startsOn, endsOn, ...optional(rest) },
  { additionalProperties: false },
);
export type CreateMissionBody = Static<typeof CreateMissionBody>;

export const UpdateMissionBody = Type.Object(optional(missionFields), { additionalProperties: false, minProperties: 1 });
export type UpdateMissionBody = Static<typeof UpdateMissionBody>;

export const TransitionBody = Type.Object(
  { to: MissionStatus, note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export type TransitionBody = Static<typeof TransitionBody>;

export const MissionQuery = Type.Object(
  {
    status: Type.Optional(MissionStatus),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    country: Type.Optional(Iso2),
  },
  { additionalProperties: false },
);
export type MissionQuery = Static<typeof MissionQuery>;

const Country = Type.Object({
  iso2: Type.String(),
  name: Type.String(),
  latitude: Type.Union([Type.Number(), Type.Null()]),
  longitude: Type.Union([Type.Number(), Type.Null()]),
});

export const MissionSummary = Type.Object({
  id: Uuid,
  code: Type.String(),
  title: Type.String(),
  status: MissionStatus,
  startsOn: Day,
  endsOn: Day,
  countries: Type.Array(Country),
  consentStatus: StringEnum(CONSENT_STATUSES),
  teamSize: Type.Integer(),
});
export type MissionSummary = Static<typeof MissionSummary>;

export const MissionView = Type.Object({
  ...MissionSummary.properties,
  termsOfReference: Type.String(),
  mandateReference: Type.Union([Type.String(), Type.Null()]),
  mandateDate: Type.Union([Day, Type.Null()]),
  consentDate: Type.Union([Day, Type.Null()]),
  consentDocument: Type.Union([Type.String(), Type.Null()]),
  competences: Type.Array(CompetenceNeed),
  languages: Type.Array(
    Type.Object({ code: Type.String(), minLevel: CefrLevel, skill: StringEnum(['speaking', 'writing'] as const) }),
  ),
  teamMin: Type.Integer(),
  teamMax: Type.Integer(),
  allDimensions: Type.Boolean(),
  minOrganisations: Type.Integer(),
  requiredPrerequisites: Type.Array(Type.String()),
  team: Type.Array(Type.Object({ expertId: Uuid, name: Type.String(), covers: Type.Array(Type.String()) })),
  transitions: Type.Array(
    Type.Object({
      from: Type.Union([MissionStatus, Type.Null()]),
      to: MissionStatus,
      by: Type.Union([Type.String(), Type.Null()]),
      at: Type.String({ format: 'date-time' }),
      note: Type.String(),
    }),
  ),
  /** statuses the viewer may move the mission to, and other actions (edit, compose) */
  actions: Type.Array(Type.String()),
});
export type MissionView = Static<typeof MissionView>;

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
