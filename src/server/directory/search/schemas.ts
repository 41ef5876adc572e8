import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';
import { ActivityView } from '../activities/schemas.js';
import { ContactView } from '../contacts/schemas.js';
import {
  ACTIVITY_STATUSES,
  Code,
  Iso2,
  LangQuery,
  Nullable,
  ORGANISATION_TYPES,
  OrganisationRef,
  PageQuery,
} from '../schemas.js';

export const SEARCH_KINDS = ['organisation', 'contact', 'activity'] as const;

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({ maxLength: 200, description: 'Words in any of the six OSCE languages; case and accents do not matter.' }),
    ),
    kind: Type.Optional(StringEnum(SEARCH_KINDS)),
    type: Type.Optional(StringEnum(ORGANISATION_TYPES, { description: 'The type of the organisation concerned.' })),
    country: Type.Optional(Iso2),
    keyArea: Type.Optional(Code),
    status: Type.Optional(StringEnum(ACTIVITY_STATUSES, { description: 'Activities only.' })),
    ...LangQuery,
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

export const SearchHit = Type.Object({
  kind: StringEnum(SEARCH_KINDS),
  id: Uuid,
  organisation: Type.Optional(
    Type.Object({
      ...OrganisationRef.properties,
      countryIso2: Nullable(Iso2),
      city: Nullable(Type.String()),
      mandateSummary: Nullable(Type.String()),
    }),
  ),
  contact: Type.Optional(ContactView),
  activity: Type.Optional(ActivityView),
});
export type SearchHit = Static<typeof SearchHit>;

export const SearchResult = Type.Object({
  items: Type.Array(SearchHit),
  total: Type.Integer({ description: 'The sum of the totals.' }),
  totals: Type.Object(
    { organisation: Type.Integer(), contact: Type.Integer(), activity: Type.Integer() },
    { description: 'Matches of each kind, counted up to `countLimit`.' },
  ),
  capped: Type.Object(
    { organisation: Type.Boolean(), contact: Type.Boolean(), activity: Type.Boolean() },
    { description: 'Whether more records of the kind match than its total says (the count stopped at `countLimit`).' },
  ),
  countLimit: Type.Integer({ description: 'How far each kind is counted.' }),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export type SearchResult = Static<typeof SearchResult>;
