import { type SchemaOptions, type Static, type TSchema, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../http/schemas.js';
import { Language } from '../reference/schemas.js';

/** Who may see a contact or an activity, from everyone to the co-ordinator alone. */
export const VISIBILITIES = ['public', 'signed_in', 'osce_staff', 'coordinator'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const Visibility = StringEnum(VISIBILITIES, {
  description:
    'Who sees the record: anyone (public), any signed-in user, OSCE staff (a role granted globally or on an OSCE ' +
    'structure), or the co-ordinator only. Those who may edit the record always see it.',
});

export const ORGANISATION_TYPES = [
  'secretariat',
  'secretariat_department',
  'institution',
  'parliamentary_assembly',
  'training_institution',
  'field_operation',
  'state_authority',
  'international_organisation',
  'ngo',
  'academia',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** The types that are OSCE structures: a role granted on one of them makes its holder OSCE staff. */
export const OSCE_STRUCTURE_TYPES = [
  'secretariat',
  'secretariat_department',
  'institution',
  'parliamentary_assembly',
  'training_institution',
  'field_operation',
] as const satisfies readonly OrganisationType[];

export const ACTIVITY_STATUSES = ['planned', 'ongoing', 'completed'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const TARGET_GROUPS = [
  'refugees',
  'asylum_seekers',
  'migrants',
  'victims_of_trafficking',
  'idps',
  'host_communities',
  'officials',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const Iso2 = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code.' });
export const Code = Type.String({ pattern: '^[a-z_]{2,40}$' });
export const IsoDate = Type.String({ format: 'date', description: 'A date, YYYY-MM-DD.' });
export const Nullable = <T extends TSchema>(schema: T, options: SchemaOptions = {}) => Type.Union([schema, Type.Null()], options);

export const OrganisationRef = Type.Object({
  id: Uuid,
  code: Nullable(Type.String()),
  type: StringEnum(ORGANISATION_TYPES),
  acronym: Nullable(Type.String()),
  name: Type.String({ description: 'The name in the requested language.' }),
});
export type OrganisationRef = Static<typeof OrganisationRef>;

export const LangQuery = { lang: Type.Optional(Language) };

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 25 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
};
