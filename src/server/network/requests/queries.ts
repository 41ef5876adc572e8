import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

export interface RequestFilter {
  ids?: string[];
  keyArea?: string;
  subregion?: string;
  status?: 'open' | 'resolved';
  limit: number;
  offset: number;
}

/** Requests for assistance, newest first, with their number of answers and the total that match. */
export async function selectRequests(db: Kysely<DB>, filter: RequestFilter) {
  const best = sql`select 1 from network_answer b where b.request_id = r.id and b.best`;
  const conditions = [sql<boolean>`true`];
  if (filter.ids) {
    const ids = filter.ids.length > 0 ? filter.ids : ['00000000-0000-0000-0000-000000000000'];
    conditions.push(sql<boolean>`r.id in (${sql.join(ids)})`);
  }
  if (filter.keyArea) conditions.push(sql<boolean>`${filter.keyArea} = any(r.key_areas)`);
  if (filter.subregion) conditions.push(sql<boolean>`r.subregion = ${filter.subregion}`);
  if (filter.status === 'open') conditions.push(sql<boolean>`not exists (${best})`);
  if (filter.status === 'resolved') conditions.push(sql<boolean>`exists (${best})`);
  const { rows } = await sql<{
    id: string;
    title: string;
    question: string;
    key_areas: string[];
    country_iso2: string | null;
    subregion: string | null;
    author_id: string | null;
    author: string | null;
    best_answer_id: string | null;
    document_id: string | null;
    created_at: Date;
    answers: number;
    total: number;
  }>`
    select r.id, r.title, r.question, r.key_areas, r.country_iso2, r.subregion, r.author_id, u.name as author,
      (select b.id from network_answer b where b.request_id = r.id and b.best) as best_answer_id, r.document_id, r.created_at,
      (select count(*)::int from network_answer a where a.request_id = r.id) as answers,
      count(*) over ()::int as total
    from network_request r
    left join app_user u on u.id = r.author_id
    where ${sql.join(conditions, sql` and `)}
    order by r.created_at desc, r.id
    limit ${filter.limit} offset ${filter.offset}`.execute(db);
  return rows;
}
export type RequestRow = Awaited<ReturnType<typeof selectRequests>>[number];

/** A request's answers, oldest first, with their author's name and State. */
export function selectAnswers(db: Kysely<DB>, requestId: string) {
  return db
    .selectFrom('network_answer as a')
    .leftJoin('app_user as u', 'u.id', 'a.author_id')
    .select([
      'a.id',
      'a.author_id',
      'u.name as author',
      'a.body',
      'a.created_at',
      (eb) =>
        eb
          .selectFrom('network_focal_point as f')
          .select('f.country_iso2')
          .whereRef('f.user_id', '=', 'a.author_id')
          .where('f.status', '=', 'confirmed')
          .orderBy('f.country_iso2')
          .limit(1)
          .as('country'),
    ])
    .where('a.request_id', '=', requestId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}

export function insertRequest(
  db: Kysely<DB>,
  values: {
    title: string;
    question: string;
    key_areas: string[];
    country_iso2: string | null;
    subregion: string | null;
    author_id: string;
  },
) {
  return db.insertInto('network_request').values(values).returning('id').executeTakeFirstOrThrow();
}

export function insertAnswer(db: Kysely<DB>, values: { request_id: string; author_id: string; body: string }) {
  return db.insertInto('network_answer').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Marks the best answer of a request, in place of any chosen before; false when the answer is not one of the request's. */
export async function updateBestAnswer(db: Kysely<DB>, requestId: string, answerId: string): Promise<boolean> {
  await db
    .updateTable('network_answer')
    .set({ best: false })
    .where('request_id', '=', requestId)
    .where('best', '=', true)
    .execute();
  const marked = await db
    .updateTable('network_answer')
    .set({ best: true })
    .where('request_id', '=', requestId)
    .where('id', '=', answerId)
    .executeTakeFirst();
  return Number(marked.numUpdatedRows) === 1;
}

/** Links the request to the document its best answer was saved as, unless it already has one. */
export function updateRequestDocument(db: Kysely<DB>, requestId: string, documentId: string) {
  return db
    .updateTable('network_request')
    .set({ document_id: documentId })
    .where('id', '=', requestId)
    .where('document_id', 'is', null)
    .executeTakeFirst();
}
