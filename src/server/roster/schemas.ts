import { type Static, Type } from '@sinclair/typebox';
import { Pagination, StringEnum, Uuid } from '../http/schemas.js';

export const Day = Type.String({ format: 'date', description: 'A date, YYYY-MM-DD.' });
export const Iso2 = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code.' });
export const Code = Type.String({ pattern: '^[a-z][a-z0-9_]{0,40}$' });
export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const CefrLevel = StringEnum(CEFR_LEVELS);
export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export const READINESS = ['ready', 'ready_with_induction', 'not_deployable'] as const;
/**
 * The prerequisites the pages offer: security and safety training and clearances a deployment may
 * require. The API accepts other codes too (a structure may track its own).
 */
export const PREREQUISITES = ['heat', 'bsafe', 'security_clearance', 'medical_clearance', 'first_aid'] as const;

const CompetenceLevel = Type.Object(
  { code: Code, level: Type.Integer({ minimum: 1, maximum: 3 }) },
  { additionalProperties: false },
);
const LanguageLevel = Type.Object(
  { code: Type.String({ pattern: '^[a-z]{2,3}$' }), speaking: CefrLevel, writing: CefrLevel },
  { additionalProperties: false },
);
const periodFields = {
  kind: StringEnum(['available', 'unavailable'] as const),
  startsOn: Day,
  endsOn: Day,
  note: Type.Optional(Type.String({ maxLength: 500 })),
};
const Period = Type.Object(periodFields, { additionalProperties: false });
const Prerequisite = Type.Object({ code: Code, expiresOn: Type.Union([Day, Type.Null()]) }, { additionalProperties: false });

const profileFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  gender: StringEnum(GENDERS),
  readiness: StringEnum(READINESS),
  yearlyCapDays: Type.Integer({ minimum: 0, maximum: 366 }),
  secondingIso2: Type.Union([Iso2, Type.Null()]),
  nationalities: Type.Array(Iso2, { minItems: 1, maxItems: 4, uniqueItems: true }),
  competences: Type.Array(CompetenceLevel, { maxItems: 60 }),
  languages: Type.Array(LanguageLevel, { maxItems: 40 }),
  periods: Type.Array(Period, { maxItems: 200 }),
  prerequisites: Type.Array(Prerequisite, { maxItems: 40 }),
};

export const CreateExpertBody = Type.Object(
  {
    ...profileFields,
    organisationId: Uuid,
    userId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    readiness: Type.Optional(profileFields.readiness),
    yearlyCapDays: Type.Optional(profileFields.yearlyCapDays),
    secondingIso2: Type.Optional(profileFields.secondingIso2),
    competences: Type.Optional(profileFields.competences),
    languages: Type.Optional(profileFields.languages),
    periods: Type.Optional(profileFields.periods),
    prerequisites: Type.Optional(profileFields.prerequisites),
  },
  { additionalProperties: false },
);
export type CreateExpertBody = Static<typeof CreateExpertBody>;

/** Lists given here replace the expert's list; fields left out stay as they are. */
export const UpdateExpertBody = Type.Partial(Type.Object(profileFields, { additionalProperties: false }), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateExpertBody = Static<typeof UpdateExpertBody>;

export const DeploymentView = Type.Object({
  id: Uuid,
  missionId: Type.Union([Uuid, Type.Null()]),
  title: Type.String(),
  startsOn: Day,
  endsOn: Day,
  covers: Type.Array(Type.String()),
  appraisal: Type.Union([Type.String(), Type.Null()]),
  rating: Type.Union([Type.Integer(), Type.Null()]),
});

export const ExpertView = Type.Object({
  id: Uuid,
  name: Type.String(),
  userId: Type.Union([Uuid, Type.Null()]),
  organisation: Type.Object({ id: Uuid, code: Type.Union([Type.String(), Type.Null()]), name: Type.String() }),
  secondingIso2: Type.Union([Type.String(), Type.Null()]),
  gender: StringEnum(GENDERS),
  readiness: StringEnum(READINESS),
  yearlyCapDays: Type.Integer(),
  daysThisYear: Type.Integer(),
  nationalities: Type.Array(Type.String()),
  competences: Type.Array(CompetenceLevel),
  languages: Type.Array(LanguageLevel),
  periods: Type.Array(Type.Object({ ...periodFields, id: Uuid })),
  prerequisites: Type.Array(Prerequisite),
  deployments: Type.Array(DeploymentView),
  /** The account the expert signs in with; its email only for those who manage accounts and the expert. */
  account: Type.Union([Type.Object({ id: Uuid, email: Type.String(), name: Type.String() }), Type.Null()]),
  /** `invite`: create an account for the expert; `link_account`, `unlink_account`: link an existing one, or undo the link. */
  actions: Type.Array(StringEnum(['edit', 'invite', 'link_account', 'unlink_account'] as const)),
  /** Why the caller may not edit this profile, when they may not. */
  readOnly: Type.Union([StringEnum(['outside_scope'] as const), Type.Null()]),
});
export type ExpertView = Static<typeof ExpertView>;

export const MyProfileView = Type.Object({ expert: Type.Union([Type.Null(), ExpertView]) });

export const RosterQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    competence: Type.Optional(Code),
    minLevel: Type.Optional(Type.Integer({ minimum: 1, maximum: 3 })),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}$' })),
    minLanguageLevel: Type.Optional(CefrLevel),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    organisationId: Type.Optional(Uuid),
    nationality: Type.Optional(Iso2),
    readiness: Type.Optional(StringEnum(READINESS)),
    ...Pagination,
  },
  { additionalProperties: false },
);
export type RosterQuery = Static<typeof RosterQuery>;

const Count = Type.Object({ key: Type.String(), label: Type.String(), count: Type.Integer() });
export const RosterPage = Type.Object({
  items: Type.Array(ExpertView),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  counts: Type.Object({ organisation: Type.Array(Count), readiness: Type.Array(Count), gender: Type.Array(Count) }),
});
export type RosterPage = Static<typeof RosterPage>;
