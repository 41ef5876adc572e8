import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../http/schemas.js';
import { CefrLevel, Code, Day } from '../roster/schemas.js';

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

export const CompetenceNeed = Type.Object(
  { code: Code, minLevel: Type.Integer({ minimum: 1, maximum: 3 }), count: Type.Integer({ minimum: 1, maximum: 50 }) },
  { additionalProperties: false },
);
export const LanguageNeed = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z]{2,3}$' }),
    minLevel: CefrLevel,
    skill: Type.Optional(StringEnum(['speaking', 'writing'] as const)),
  },
  { additionalProperties: false },
);

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
