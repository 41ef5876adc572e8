import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { readable } from '../documents/access-sql.js';
import type { Reader } from '../membership.js';
import type { SearchQuery } from './schemas.js';

type Filters = Omit<SearchQuery, 'q' | 'limit' | 'offset'>;
export type FacetName = 'type' | 'country' | 'keyArea' | 'language' | 'year';

/** What a search keeps: the reader's access, the words (in any of the six languages) and the filters. */
function conditions(reader: Reader, words: string[], f: Filters): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = [readable(reader, 'd')];
  if (words.length > 0) parts.push(sql<boolean>`d.search_doc @@ directory_query(${words}::text[])`);
  if (f.type) parts.push(sql<boolean>`d.doc_type = ${f.type}`);
  if (f.country) parts.push(sql<boolean>`d.country_iso2 = ${f.country}`);
  if (f.keyArea) parts.push(sql<boolean>`d.key_areas @> array[${f.keyArea}]::text[]`);
  if (f.language) parts.push(sql<boolean>`d.language = ${f.language}`);
  if (f.year) parts.push(sql<boolean>`extract(year from d.issued_on) = ${f.year}`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

/** One page of matching documents, best first, with the total. */
export async function searchDocuments(db: Kysely<DB>, reader: Reader, words: string[], query: SearchQuery) {
  const where = conditions(reader, words, query);
  const rank = words.length > 0 ? sql`ts_rank(d.search_doc, directory_query(${words}::text[]))` : sql`0::real`;
  const { rows } = await sql<{ id: string; body: string; summary: string; total: number }>`
    select d.id, left(d.body_text, 200000) as body, d.summary, count(*) over ()::int as total
    from library_document d
    where ${where}
    order by ${rank} desc, d.issued_on desc nulls last, d.title, d.id
    limit ${query.limit ?? 20} offset ${query.offset ?? 0}`.execute(db);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && (query.offset ?? 0) > 0) {
    const count = await sql<{ n: number }>`select count(*)::int as n from library_document d where ${where}`.execute(db);
    total = count.rows[0]?.n ?? 0;
  }
  return { rows, total };
}

/** How many matching documents have each value of each facet. */
export async function searchFacets(db: Kysely<DB>, reader: Reader, words: string[], query: SearchQuery) {
  const where = conditions(reader, words, query);
  const { rows } = await sql<{ facet: FacetName; value: string; count: number }>`
    with hits as materialized (
      select d.doc_type, d.country_iso2, d.key_areas, d.language, extract(year from d.issued_on)::int as year
      from library_document d where ${where})
    select 'type' as facet, doc_type as value, count(*)::int as count from hits group by doc_type
    union all select 'country', country_iso2, count(*)::int from hits where country_iso2 is not null group by country_iso2
    union all select 'keyArea', k, count(*)::int from hits, unnest(key_areas) k group by k
    union all select 'language', language, count(*)::int from hits group by language
    union all select 'year', year::text, count(*)::int from hits where year is not null group by year
    order by 1, 3 desc, 2`.execute(db);
  return rows;
}
