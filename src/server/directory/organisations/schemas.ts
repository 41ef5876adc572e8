import { type Static, Type } from '@sinclair/typebox';
import { Names, Page, StringEnum, Uuid } from '../../http/schemas.js';
import { DIMENSIONS } from '../../reference/values.js';
import { Iso2, LangQuery, Nullable, ORGANISATION_TYPES, OrganisationRef, PageQuery } from '../schemas.js';

export const OrganisationSummary = Type.Object({
  ...OrganisationRef.properties,
  osceStructure: Type.Boolean({ description: 'Whether it is an OSCE executive structure or field operation.' }),
  parentId: Nullable(Uuid),
  countryIso2: Nullable(Iso2),
  city: Nullable(Type.String()),
  dimensions: Type.Array(StringEnum(DIMENSIONS)),
  contactCount: Type.Integer({ description: 'Contacts the caller may see.' }),
  activityCount: Type.Integer({ description: 'Activities the caller may see.' }),
});
export type OrganisationSummary = Static<typeof OrganisationSummary>;

export const OrganisationView = Type.Object({
  ...OrganisationSummary.properties,
  names: Names,
  parent: Nullable(OrganisationRef),
  mandateSummary: Nullable(Type.String()),
  website: Nullable(Type.String()),
  countriesWorkedIn: Type.Array(
    Type.Object({ iso2: Iso2, activities: Type.Integer({ description: 'Activities the caller may see there.' }) }),
  ),
  actions: Type.Array(StringEnum(['edit', 'manage'] as const)),
});
export type OrganisationView = Static<typeof OrganisationView>;

export const OrganisationPage = Page(OrganisationSummary);

export const OrganisationQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Words of a name, acronym or mandate, in any language.' })),
    type: Type.Optional(StringEnum(ORGANISATION_TYPES)),
    country: Type.Optional(Iso2),
    osceStructure: Type.Optional(Type.Boolean()),
    ...LangQuery,
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type OrganisationQuery = Static<typeof OrganisationQuery>;

const Name = Type.String({ minLength: 1, maxLength: 300 });
const Website = Type.String({ pattern: '^https?://\\S+$', maxLength: 500 });

export const CreateOrganisationBody = Type.Object(
  {
    type: StringEnum(ORGANISATION_TYPES),
    code: Type.Optional(Nullable(Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{1,39}$' }))),
    acronym: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 40 }))),
    names: Type.Object(
      {
        en: Name,
        fr: Type.Optional(Name),
        de: Type.Optional(Name),
        it: Type.Optional(Name),
        ru: Type.Optional(Name),
        es: Type.Optional(Name),
      },
      { additionalProperties: false },
    ),
    parentId: Type.Optional(Nullable(Uuid)),
    countryIso2: Type.Optional(Nullable(Iso2)),
    city: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
    website: Type.Optional(Nullable(Website)),
    mandateSummary: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
    dimensions: Type.Optional(Type.Array(StringEnum(DIMENSIONS), { uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type CreateOrganisationBody = Static<typeof CreateOrganisationBody>;

export const UpdateOrganisationBody = Type.Partial(CreateOrganisationBody, {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateOrganisationBody = Static<typeof UpdateOrganisationBody>;

/** Fields a focal point may change on their own organisation; the rest is the co-ordinator's. */
export const PROFILE_FIELDS = ['city', 'website', 'mandateSummary', 'dimensions'] as const;
