import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Viewer, visibleRecords } from '../visibility.js';
import type { SearchQuery } from './schemas.js';

type Filters = Omit<SearchQuery, 'q' | 'lang' | 'limit' | 'offset'>;

const all = <T>(parts: RawBuilder<T>[]) => sql.join(parts, sql` and `);

/**
 * The matches of every kind the viewer may see, in one ranked list: each branch filters with the
 * same visibility rule as the lists, so a search never reveals a hidden contact, nor counts it.
 * Filters that do not apply to a kind leave that kind out (status applies to activities only).
 */
function hits(viewer: Viewer, words: string[], f: Filters) {
  const query = sql`directory_query(${words}::text[])`;
  const text = (alias: string) =>
    words.length > 0 ? sql<boolean>`${sql.ref(`${alias}.search_doc`)} @@ ${query}` : sql<boolean>`true`;
  const rank = (alias: string) => (words.length > 0 ? sql`ts_rank(${sql.ref(`${alias}.search_doc`)}, ${query})` : sql`0`);
  const branches: RawBuilder<unknown>[] = [];
  const wants = (kind: string) => !f.kind || f.kind === kind;

  if (wants('organisation') && !f.status) {
    const activityIn = (condition: RawBuilder<boolean>) =>
      sql<boolean>`exists (select 1 from directory_activity a where a.organisation_id = o.id and ${condition} and ${visibleRecords(viewer, 'a')})`;
    const where = [text('o')];
    if (f.type) where.push(sql`o.type = ${f.type}`);
    if (f.country)
      where.push(sql`(o.country_iso2 = ${f.country} or ${activityIn(sql`a.countries @> array[${f.country}]::text[]`)})`);
    if (f.keyArea) where.push(activityIn(sql`a.key_areas @> array[${f.keyArea}]::text[]`));
    branches.push(sql`select 'organisation' as kind, o.id, ${rank('o')} as rank, o.name_en as sort
      from organisation o where ${all(where)}`);
  }
  if (wants('contact') && !f.status) {
    const where = [text('c'), visibleRecords(viewer, 'c')];
    if (f.type) where.push(sql`o.type = ${f.type}`);
    if (f.country) where.push(sql`c.countries @> array[${f.country}]::text[]`);
    if (f.keyArea) where.push(sql`c.key_areas @> array[${f.keyArea}]::text[]`);
    branches.push(sql`select 'contact' as kind, c.id, ${rank('c')} as rank, c.name as sort
      from directory_contact c join organisation o on o.id = c.organisation_id where ${all(where)}`);
  }
  if (wants('activity')) {
    const where = [text('a'), visibleRecords(viewer, 'a')];
    if (f.type) where.push(sql`o.type = ${f.type}`);
    if (f.country) where.push(sql`a.countries @> array[${f.country}]::text[]`);
    if (f.keyArea) where.push(sql`a.key_areas @> array[${f.keyArea}]::text[]`);
    if (f.status) where.push(sql`a.status = ${f.status}`);
    branches.push(sql`select 'activity' as kind, a.id, ${rank('a')} as rank, a.title as sort
      from directory_activity a join organisation o on o.id = a.organisation_id where ${all(where)}`);
  }
  return branches.length > 0
    ? sql.join(branches, sql` union all `)
    : sql`select null::text as kind, null::uuid as id, 0 as rank, '' as sort where false`;
}

export interface HitRow {
  kind: 'organisation' | 'contact' | 'activity';
  id: string;
  organisations: number;
  contacts: number;
  activities: number;
}

/** One page of ranked matches with the totals of each kind, in one query. */
export async function selectHits(db: Kysely<DB>, viewer: Viewer, words: string[], query: SearchQuery): Promise<HitRow[]> {
  const { rows } = await sql<HitRow>`
    with hits as (${hits(viewer, words, query)})
    select kind, id,
      (count(*) filter (where kind = 'organisation') over ())::int as organisations,
      (count(*) filter (where kind = 'contact') over ())::int as contacts,
      (count(*) filter (where kind = 'activity') over ())::int as activities
    from hits
    order by rank desc, sort, id
    limit ${query.limit ?? 25} offset ${query.offset ?? 0}`.execute(db);
  return rows;
}

/** The totals alone, for a page past the last match. */
export async function countHits(db: Kysely<DB>, viewer: Viewer, words: string[], query: SearchQuery) {
  const { rows } = await sql<{ kind: HitRow['kind']; n: number }>`
    with hits as (${hits(viewer, words, query)})
    select kind, count(*)::int as n from hits group by kind`.execute(db);
  const n = (kind: string) => rows.find((r) => r.kind === kind)?.n ?? 0;
  return { organisation: n('organisation'), contact: n('contact'), activity: n('activity') };
}
