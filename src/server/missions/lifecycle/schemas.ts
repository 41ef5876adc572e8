import { type Static, Type } from '@sinclair/typebox';
import { StringEnum } from '../../http/schemas.js';
import { Code, Day, Iso2 } from '../../roster/schemas.js';
import { CONSENT_STATUSES, CompetenceNeed, LanguageNeed, MissionStatus } from '../schemas.js';

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
