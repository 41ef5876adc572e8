import { type Static, Type } from '@sinclair/typebox';
import { Page, StringEnum, Uuid } from '../../http/schemas.js';
import { DIMENSIONS } from '../../reference/values.js';
import {
  ACTIVITY_STATUSES,
  Code,
  Iso2,
  IsoDate,
  LangQuery,
  Nullable,
  OrganisationRef,
  PageQuery,
  TARGET_GROUPS,
  Visibility,
} from '../schemas.js';

export const ContactRef = Type.Object({ id: Uuid, name: Type.String(), title: Nullable(Type.String()) });

export const ActivityView = Type.Object({
  id: Uuid,
  code: Type.String({ description: 'The activity’s stable reference, carried by 3W spreadsheets.' }),
  organisation: OrganisationRef,
  title: Type.String(),
  description: Nullable(Type.String()),
  keyAreas: Type.Array(Type.String()),
  dimension: Nullable(StringEnum(DIMENSIONS)),
  countries: Type.Array(Iso2),
  place: Nullable(Type.String({ description: 'A place within a country.' })),
  startDate: Nullable(IsoDate),
  endDate: Nullable(IsoDate),
  status: StringEnum(ACTIVITY_STATUSES),
  targetGroups: Type.Array(StringEnum(TARGET_GROUPS)),
  contact: Nullable(ContactRef, { description: 'The contact person, when the caller may see them.' }),
  visibility: Visibility,
  updatedAt: Type.String({ format: 'date-time' }),
  actions: Type.Array(StringEnum(['edit', 'delete'] as const)),
});
export type ActivityView = Static<typeof ActivityView>;

export const ActivityPage = Page(ActivityView);

export const ActivityQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    organisationId: Type.Optional(Uuid),
    contactId: Type.Optional(Uuid),
    country: Type.Optional(Iso2),
    keyArea: Type.Optional(Code),
    dimension: Type.Optional(StringEnum(DIMENSIONS)),
    status: Type.Optional(StringEnum(ACTIVITY_STATUSES)),
    targetGroup: Type.Optional(StringEnum(TARGET_GROUPS)),
    ...LangQuery,
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ActivityQuery = Static<typeof ActivityQuery>;

const fields = {
  organisationId: Uuid,
  code: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$' })),
  title: Type.String({ minLength: 1, maxLength: 300 }),
  description: Type.Optional(Nullable(Type.String({ maxLength: 8000 }))),
  keyAreas: Type.Optional(Type.Array(Code, { maxItems: 5, uniqueItems: true })),
  dimension: Type.Optional(Nullable(StringEnum(DIMENSIONS))),
  countries: Type.Optional(Type.Array(Iso2, { maxItems: 80, uniqueItems: true })),
  place: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  startDate: Type.Optional(Nullable(IsoDate)),
  endDate: Type.Optional(Nullable(IsoDate)),
  status: Type.Optional(StringEnum(ACTIVITY_STATUSES)),
  targetGroups: Type.Optional(Type.Array(StringEnum(TARGET_GROUPS), { uniqueItems: true })),
  contactId: Type.Optional(Nullable(Uuid)),
  visibility: Type.Optional(Visibility),
};

export const CreateActivityBody = Type.Object(fields, { additionalProperties: false });
export type CreateActivityBody = Static<typeof CreateActivityBody>;

export const UpdateActivityBody = Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 });
export type UpdateActivityBody = Static<typeof UpdateActivityBody>;
