import { type Static, Type } from '@sinclair/typebox';
import { StringEnum } from '../../http/schemas.js';
import { Iso2 } from '../../roster/schemas.js';
import { DOCUMENT_TYPES, LibraryDocument } from '../documents/schemas.js';

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 300 })),
    type: Type.Optional(StringEnum(DOCUMENT_TYPES)),
    country: Type.Optional(Iso2),
    keyArea: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{0,40}$' })),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}$' })),
    year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

/** A piece of a snippet; `hit` marks a word that matched the search. */
export const SnippetPart = Type.Object({ text: Type.String(), hit: Type.Boolean() });
export type SnippetPart = Static<typeof SnippetPart>;

const Facet = Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }));

export const SearchResult = Type.Object({
  items: Type.Array(Type.Object({ document: LibraryDocument, snippet: Type.Array(SnippetPart) })),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  facets: Type.Object({ type: Facet, country: Facet, keyArea: Facet, language: Facet, year: Facet }),
});
export type SearchResult = Static<typeof SearchResult>;
