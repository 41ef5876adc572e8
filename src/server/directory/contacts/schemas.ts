import { type Static, Type } from '@sinclair/typebox';
import { Email, Page, StringEnum, Uuid } from '../../http/schemas.js';
import { Code, Iso2, LangQuery, Nullable, OrganisationRef, PageQuery, Visibility } from '../schemas.js';

const LanguageCode = Type.String({ pattern: '^[a-z]{2,3}$', description: 'A language code of the reference data.' });
const Phone = Type.String({
  pattern: '^\\+?[0-9][0-9 ()./-]{3,30}$',
  description: 'A telephone number, ideally with +country code.',
});
const Topic = Type.String({ minLength: 1, maxLength: 80 });

export const ContactView = Type.Object({
  id: Uuid,
  name: Type.String(),
  title: Nullable(Type.String({ description: 'Function or title.' })),
  organisation: OrganisationRef,
  emails: Type.Array(Type.String()),
  phones: Type.Array(Type.String()),
  languages: Type.Array(Type.String()),
  keyAreas: Type.Array(Type.String()),
  competences: Type.Array(Type.String()),
  topics: Type.Array(Type.String({ description: 'Free-text topics beyond the key areas and competences.' })),
  countries: Type.Array(Iso2, { description: 'Countries covered.' }),
  visibility: Visibility,
  fallback: Type.Boolean({ description: 'Answered by "Whom do I call?" when nobody else matches.' }),
  lastConfirmedAt: Type.String({ format: 'date-time' }),
  stale: Type.Boolean({ description: 'Not confirmed within the configured period.' }),
  actions: Type.Array(StringEnum(['edit', 'delete', 'confirm'] as const)),
});
export type ContactView = Static<typeof ContactView>;

export const ContactPage = Page(ContactView);

export const ContactQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    organisationId: Type.Optional(Uuid),
    country: Type.Optional(Iso2),
    keyArea: Type.Optional(Code),
    competence: Type.Optional(Code),
    language: Type.Optional(LanguageCode),
    stale: Type.Optional(Type.Boolean({ description: 'Only contacts due (true) or not due (false) for confirmation.' })),
    ...LangQuery,
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ContactQuery = Static<typeof ContactQuery>;

const fields = {
  organisationId: Uuid,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  title: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  emails: Type.Optional(Type.Array(Email, { maxItems: 10, uniqueItems: true })),
  phones: Type.Optional(Type.Array(Phone, { maxItems: 10, uniqueItems: true })),
  languages: Type.Optional(Type.Array(LanguageCode, { maxItems: 40, uniqueItems: true })),
  keyAreas: Type.Optional(Type.Array(Code, { maxItems: 5, uniqueItems: true })),
  competences: Type.Optional(Type.Array(Code, { maxItems: 40, uniqueItems: true })),
  topics: Type.Optional(Type.Array(Topic, { maxItems: 20, uniqueItems: true })),
  countries: Type.Optional(Type.Array(Iso2, { maxItems: 80, uniqueItems: true })),
  visibility: Type.Optional(Visibility),
  fallback: Type.Optional(Type.Boolean({ description: 'The co-ordinator only; a fallback contact is public.' })),
};

export const CreateContactBody = Type.Object(fields, { additionalProperties: false });
export type CreateContactBody = Static<typeof CreateContactBody>;

export const UpdateContactBody = Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 });
export type UpdateContactBody = Static<typeof UpdateContactBody>;
