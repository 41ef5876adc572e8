import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { type Viewer, visibleRecords } from '../visibility.js';
import type { SearchQuery } from './schemas.js';

type Filters = Omit<SearchQuery, 'q' | 'lang' | 'limit' | 'offset'>;
export type Kind = 'organisation' | 'contact' | 'activity';

const all = (parts: RawBuilder<boolean>[]): RawBuilder<boolean> =>
  parts.length > 0 ? sql<boolean>`${sql.join(parts, sql` and `)}` : sql<boolean>`true`;

/** One kind of record as search reads it: its table, the column it is listed by, and the filters that apply. */
interface Source {
  kind: Kind;
  from: RawBuilder<unknown>;
  alias: string;
  sort: string;
  /** The document of the name alone, as its index has it. */
  nameDoc: RawBuilder<unknown>;
  where: RawBuilder<boolean>[];
}

/**
 * The kinds a search covers, each with the viewer's visibility rule and the filters, so that a
 * search never shows a hidden contact, nor counts it. Filters that do not apply to a kind leave
 * that kind out (status applies to activities only).
 */
function sources(viewer: Viewer, f: Filters): Source[] {
  const list: Source[] = [];
  const wants = (kind: Kind) => !f.kind || f.kind === kind;
  const typed = (table: string, alias: string) =>
    f.type
      ? sql`${sql.table(table)} ${sql.raw(alias)} join organisation o on o.id = ${sql.ref(`${alias}.organisation_id`)}`
      : sql`${sql.table(table)} ${sql.raw(alias)}`;

  if (wants('organisation') && !f.status) {
    // Organisations with a visible activity in the country (read from the narrow place table) or on the key area.
    const keyArea = (alias: string) => sql<boolean>`${sql.ref(`${alias}.key_areas`)} @> array[${f.keyArea}]::text[]`;
    const activeIn = (country: string) =>
      sql<boolean>`o.id in (select p.organisation_id from directory_activity_place p where p.country_iso2 = ${country}
        and ${all([visibleRecords(viewer, 'p'), ...(f.keyArea ? [keyArea('p')] : [])])})`;
    const where: RawBuilder<boolean>[] = [];
    if (f.type) where.push(sql`o.type = ${f.type}`);
    if (f.country) where.push(sql`(o.country_iso2 = ${f.country} or ${activeIn(f.country)})`);
    if (f.keyArea && f.country) where.push(activeIn(f.country));
    else if (f.keyArea)
      where.push(
        sql`o.id in (select a.organisation_id from directory_activity a where ${keyArea('a')} and ${visibleRecords(viewer, 'a')})`,
      );
    list.push({ kind: 'organisation', from: sql`organisation o`, alias: 'o', sort: 'name_en', nameDoc: sql`o.name_doc`, where });
  }
  for (const [kind, table, alias, sort, nameDoc] of [
    ['contact', 'directory_contact', 'c', 'name', sql`directory_name_part(c.search_doc)`],
    ['activity', 'directory_activity', 'a', 'title', sql`directory_name_part(a.search_doc)`],
  ] as const) {
    if (!wants(kind) || (kind === 'contact' && f.status)) continue;
    const where = [visibleRecords(viewer, alias, 'text_index')];
    if (f.type) where.push(sql`o.type = ${f.type}`);
    if (f.country) where.push(sql`${sql.ref(`${alias}.countries`)} @> array[${f.country}]::text[]`);
    if (f.keyArea) where.push(sql`${sql.ref(`${alias}.key_areas`)} @> array[${f.keyArea}]::text[]`);
    if (kind === 'activity' && f.status) where.push(sql`a.status = ${f.status}`);
    list.push({ kind, from: typed(table, alias), alias, sort, nameDoc, where });
  }
  return list;
}

export interface HitRow {
  kind: Kind;
  id: string;
}

export interface SearchPage {
  rows: HitRow[];
  totals: Record<Kind, number>;
  capped: Record<Kind, boolean>;
}

/**
 * One page of matches, with the totals of each kind. Records with every word, as typed, in their
 * name come first, then the others, each group listed by name.
 *
 * A page costs about the same however many records match. The text indexes, which also hold each
 * record's visibility, find up to `countLimit` + 1 records of each kind with every word in the name
 * and as many with the words anywhere; those are ranked. A kind that matches more than `countLimit`
 * records says so (`capped`), and is ranked among those found: all its name matches, when there
 * are at most `countLimit` of them, and the first `countLimit` of the rest, as the index holds them.
 * (A record counts as a name match when it is among the name matches found.)
 * The database is told not to read whole tables, so that a wrong guess of how many records match
 * cannot make it do so.
 */
export async function searchPage(
  db: Kysely<DB>,
  viewer: Viewer,
  words: string[],
  query: SearchQuery,
  countLimit: number,
): Promise<SearchPage> {
  const limit = query.limit ?? 25;
  const offset = query.offset ?? 0;
  const list = sources(viewer, query);
  const totals: Record<Kind, number> = { organisation: 0, contact: 0, activity: 0 };
  const capped: Record<Kind, boolean> = { organisation: false, contact: false, activity: false };
  if (list.length === 0) return { rows: [], totals, capped };

  const q = sql`directory_query(${words}::text[])`;
  // A name match is one with every word as typed: the English alternatives of a translated word
  // (all the words of a key area's or country's name) are for finding, not for ranking.
  const asTyped = sql`directory_query(${words.map((w) => w.split(' ')[0] ?? w)}::text[])`;
  const found = list.map((s) => {
    const columns = sql`${sql.ref(`${s.alias}.id`)} as id, ${sql.ref(`${s.alias}.${s.sort}`)} as sort`;
    const cte = (suffix: string) => sql.table(`${s.kind}_${suffix}`);
    if (words.length === 0)
      return {
        s,
        ctes: [
          sql`${cte('found')} as materialized (select ${columns} from ${s.from} where ${all(s.where)}
            order by sort, id limit ${countLimit + 1})`,
        ],
        arms: [sql`select ${s.kind}::text as kind, 0 as tier, id, sort from ${cte('found')}`],
      };
    return {
      s,
      ctes: [
        sql`${cte('named')} as materialized (select ${columns} from ${s.from}
          where ${all([sql`${s.nameDoc} @@ ${asTyped}`, ...s.where])} limit ${countLimit + 1})`,
        sql`${cte('found')} as materialized (select ${columns} from ${s.from}
          where ${all([sql`${sql.ref(`${s.alias}.search_doc`)} @@ ${q}`, ...s.where])} limit ${countLimit + 1})`,
      ],
      arms: [
        sql`select ${s.kind}::text as kind, 1 as tier, id, sort from ${cte('named')}
          union all select ${s.kind}::text, 0, id, sort from ${cte('found')} where id not in (select id from ${cte('named')})`,
      ],
    };
  });
  const counts = sql.join(
    found.map((f) => sql`(select count(*) from ${sql.table(`${f.s.kind}_found`)})::int as ${sql.ref(f.s.kind)}`),
    sql`, `,
  );

  return inTransaction(db, async (trx) => {
    // No whole-table reads; and no parallel workers, which the planner would start for plans that
    // look costly but take a few milliseconds. For this transaction only. (The connections never
    // compile just in time: db/connection.ts.)
    await sql`select set_config('enable_seqscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`.execute(
      trx,
    );
    const { rows } = await sql<Partial<Record<Kind, number>> & { kind: Kind | null; id: string | null }>`
      with ${sql.join(
        found.flatMap((f) => f.ctes),
        sql`, `,
      )}
      select n.*, page.kind, page.id
      from (select ${counts}) n
      left join lateral (
        select kind, id, tier, sort from (${sql.join(
          found.flatMap((f) => f.arms),
          sql` union all `,
        )}) hits
        order by tier desc, sort, id limit ${limit} offset ${offset}
      ) page on true
      order by page.tier desc, page.sort, page.id`.execute(trx);
    for (const f of found) {
      const n = rows[0]?.[f.s.kind] ?? 0;
      totals[f.s.kind] = Math.min(n, countLimit);
      capped[f.s.kind] = n > countLimit;
    }
    return {
      rows: rows.flatMap((r) => (r.kind && r.id ? [{ kind: r.kind, id: r.id }] : [])),
      totals,
      capped,
    };
  });
}
