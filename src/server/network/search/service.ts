import type { Context } from '../../context.js';
import { searchTerms } from '../../directory/reference.js';
import { presentDocuments } from '../documents/service.js';
import { readerOf } from '../membership.js';
import { searchDocuments, searchFacets } from './queries.js';
import type { SearchQuery, SearchResult } from './schemas.js';
import { snippetOf } from './snippet.js';

/**
 * Full-text search inside the library's documents, in the six languages, by the directory's rules
 * (accents and case ignored, each word stemmed in every language, country and key-area names in
 * any language); the reader's access filters the matches, the facets and the total in SQL.
 */
export async function searchLibrary(ctx: Context, query: SearchQuery): Promise<SearchResult> {
  const reader = await readerOf(ctx);
  const words = await searchTerms(ctx.db, query.q);
  const [{ rows, total }, facetRows] = await Promise.all([
    searchDocuments(ctx.db, reader, words, query),
    searchFacets(ctx.db, reader, words, query),
  ]);
  const documents = new Map(
    (
      await presentDocuments(
        ctx,
        reader,
        rows.map((r) => r.id),
      )
    ).map((d) => [d.id, d]),
  );
  const facets: SearchResult['facets'] = { type: [], country: [], keyArea: [], language: [], year: [] };
  for (const row of facetRows) facets[row.facet].push({ value: row.value, count: row.count });
  return {
    items: rows.flatMap((row) => {
      const document = documents.get(row.id);
      if (!document) return [];
      const text = row.body.trim().length > 0 ? row.body : row.summary;
      return [{ document, snippet: snippetOf(text, words) }];
    }),
    total,
    limit: query.limit ?? 20,
    offset: query.offset ?? 0,
    facets,
  };
}
