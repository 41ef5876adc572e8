import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { currentMember } from '../membership.js';

/** The current members of the network (in one sub-region, or all), one row per person. */
export async function selectMemberAccounts(db: Kysely<DB>, subregion: string | null): Promise<string[]> {
  let query = db
    .selectFrom('network_focal_point as f')
    .innerJoin('country as c', 'c.iso2', 'f.country_iso2')
    .select('f.user_id')
    .distinct()
    .where(currentMember('f'));
  if (subregion) query = query.where('c.subregion', '=', subregion);
  return (await query.execute()).map((r) => r.user_id);
}

const visibleTo = (userId: string, all: boolean) =>
  all
    ? sql<boolean>`true`
    : sql<boolean>`(n.author_id = ${userId} or exists (select 1 from network_notice_recipient r where r.notice_id = n.id and r.user_id = ${userId}))`;

/** The notices the user sent or was sent (every one for the co-ordinator), newest first, with their counts. */
export async function selectNotices(
  db: Kysely<DB>,
  userId: string,
  all: boolean,
  page: { limit: number; offset: number; ids?: string[] },
) {
  const ids = page.ids
    ? sql<boolean>`n.id in (${sql.join(page.ids.length > 0 ? page.ids : ['00000000-0000-0000-0000-000000000000'])})`
    : sql<boolean>`true`;
  const { rows } = await sql<{
    id: string;
    title: string;
    body: string;
    urgent: boolean;
    subregion: string | null;
    author_id: string | null;
    author: string | null;
    created_at: Date;
    recipients: number;
    acknowledged: number;
    mine: boolean;
    my_ack: Date | null;
    total: number;
  }>`
    select n.id, n.title, n.body, n.urgent, n.subregion, n.author_id, u.name as author, n.created_at,
      (select count(*)::int from network_notice_recipient r where r.notice_id = n.id) as recipients,
      (select count(*)::int from network_notice_recipient r where r.notice_id = n.id and r.acknowledged_at is not null) as acknowledged,
      me.user_id is not null as mine, me.acknowledged_at as my_ack,
      count(*) over ()::int as total
    from network_notice n
    left join app_user u on u.id = n.author_id
    left join network_notice_recipient me on me.notice_id = n.id and me.user_id = ${userId}
    where ${visibleTo(userId, all)} and ${ids}
    order by n.created_at desc, n.id
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return rows;
}

export function selectAcknowledgements(db: Kysely<DB>, noticeId: string) {
  return db
    .selectFrom('network_notice_recipient as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select([
      'r.user_id',
      'u.name',
      'r.acknowledged_at',
      (eb) =>
        eb
          .selectFrom('network_focal_point as f')
          .select('f.country_iso2')
          .whereRef('f.user_id', '=', 'r.user_id')
          .where('f.status', '=', 'confirmed')
          .orderBy('f.country_iso2')
          .limit(1)
          .as('country'),
    ])
    .where('r.notice_id', '=', noticeId)
    .orderBy(sql`r.acknowledged_at is null`, 'desc')
    .orderBy('u.name')
    .execute();
}

export function selectComments(db: Kysely<DB>, noticeId: string) {
  return db
    .selectFrom('network_notice_comment as c')
    .leftJoin('app_user as u', 'u.id', 'c.author_id')
    .select(['c.id', 'u.name as author', 'c.body', 'c.created_at'])
    .where('c.notice_id', '=', noticeId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

/** The notice's sender and everyone who has written under it. */
export async function selectDiscussants(db: Kysely<DB>, noticeId: string): Promise<string[]> {
  const { rows } = await sql<{ user_id: string }>`
    select author_id as user_id from network_notice where id = ${noticeId} and author_id is not null
    union
    select author_id from network_notice_comment where notice_id = ${noticeId} and author_id is not null`.execute(db);
  return rows.map((r) => r.user_id);
}
