import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { Problem } from '../../http/problems.js';
import { notify } from '../../notifications/notify.js';
import { type Reader, readerOf } from '../membership.js';
import * as q from './queries.js';
import type { CommentBody, NoticeBody, NoticeDetail, NoticeList, NoticeQuery, NoticeSummary } from './schemas.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

async function networkReader(ctx: Context): Promise<Reader & { userId: string }> {
  const reader = await readerOf(ctx);
  if (!reader.userId) throw new Problem('unauthenticated');
  if (!reader.member && !reader.all) throw new Problem('forbidden', 'Notices are for the members of the network.');
  return reader as Reader & { userId: string };
}

function present(row: Awaited<ReturnType<typeof q.selectNotices>>[number], reader: Reader): NoticeSummary {
  const actions: NoticeSummary['actions'] = [];
  if (row.mine && row.urgent && !row.my_ack) actions.push('acknowledge');
  if (row.mine || row.author_id === reader.userId || reader.all) actions.push('comment');
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    urgent: row.urgent,
    subregion: row.subregion as NoticeSummary['subregion'],
    author: row.author,
    createdAt: iso(row.created_at)!,
    recipients: row.recipients,
    acknowledged: row.acknowledged,
    mine: row.mine ? { acknowledgedAt: iso(row.my_ack) } : null,
    actions,
  };
}

/** The notices the caller sent or was sent. */
export async function listNotices(ctx: Context, query: NoticeQuery): Promise<NoticeList> {
  const reader = await networkReader(ctx);
  const limit = query.limit ?? 20;
  const offset = query.offset ?? 0;
  const rows = await q.selectNotices(ctx.db, reader.userId, reader.all, { limit, offset });
  return { items: rows.map((r) => present(r, reader)), total: rows[0]?.total ?? 0, limit, offset };
}

/** One notice with its discussion, and for its sender and the co-ordinator who has and has not acknowledged it. */
export async function getNotice(ctx: Context, id: string): Promise<NoticeDetail> {
  const reader = await networkReader(ctx);
  const [row] = await q.selectNotices(ctx.db, reader.userId, reader.all, { limit: 1, offset: 0, ids: [id] });
  if (!row) throw new Problem('not_found', 'There is no such notice.');
  const sender = row.author_id === reader.userId || reader.all;
  const [acks, comments] = await Promise.all([
    sender ? q.selectAcknowledgements(ctx.db, id) : null,
    q.selectComments(ctx.db, id),
  ]);
  return {
    ...present(row, reader),
    acknowledgements: acks
      ? acks.map((a) => ({ userId: a.user_id, name: a.name, country: a.country ?? null, acknowledgedAt: iso(a.acknowledged_at) }))
      : null,
    comments: comments.map((c) => ({ id: c.id, author: c.author, body: c.body, createdAt: iso(c.created_at)! })),
  };
}

/** A member or the co-ordinator posts a notice to every member, or to those of one sub-region; they are told at once. */
export async function postNotice(ctx: Context, body: NoticeBody): Promise<NoticeDetail> {
  const reader = await networkReader(ctx);
  const recipients = (await q.selectMemberAccounts(ctx.db, body.subregion ?? null)).filter((id) => id !== reader.userId);
  const notice = await ctx.db
    .insertInto('network_notice')
    .values({
      title: body.title.trim(),
      body: body.body.trim(),
      urgent: body.urgent ?? false,
      subregion: body.subregion ?? null,
      author_id: reader.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (recipients.length > 0) {
    await ctx.db
      .insertInto('network_notice_recipient')
      .values(recipients.map((user_id) => ({ notice_id: notice.id, user_id, acknowledged_at: null })))
      .execute();
  }
  await notify(ctx.db, {
    kind: body.urgent ? 'network.urgent_notice' : 'network.notice',
    to: { users: recipients },
    params: { title: body.title.trim() },
    link: `/network/notices/${notice.id}`,
    except: reader.userId,
  });
  await audit(ctx.db, ctx, {
    verb: 'network.notice',
    recordType: 'network_notice',
    recordId: notice.id,
    details: { urgent: body.urgent ?? false, subregion: body.subregion ?? null, recipients: recipients.length },
  });
  return getNotice(ctx, notice.id);
}

/** A recipient acknowledges a notice (once; again changes nothing). */
export async function acknowledge(ctx: Context, id: string): Promise<NoticeDetail> {
  const reader = await networkReader(ctx);
  const updated = await ctx.db
    .updateTable('network_notice_recipient')
    .set({ acknowledged_at: new Date() })
    .where('notice_id', '=', id)
    .where('user_id', '=', reader.userId)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    const mine = await ctx.db
      .selectFrom('network_notice_recipient')
      .select('notice_id')
      .where('notice_id', '=', id)
      .where('user_id', '=', reader.userId)
      .executeTakeFirst();
    if (!mine) throw new Problem('not_found', 'This notice was not sent to you.');
  } else {
    await audit(ctx.db, ctx, { verb: 'network.acknowledge', recordType: 'network_notice', recordId: id });
  }
  return getNotice(ctx, id);
}

/** Adds to the discussion under a notice (its sender, its recipients, the co-ordinator). */
export async function comment(ctx: Context, id: string, body: CommentBody): Promise<NoticeDetail> {
  const reader = await networkReader(ctx);
  const notice = await getNotice(ctx, id);
  if (!notice.actions.includes('comment')) throw new Problem('forbidden', 'Only the notice’s sender and recipients discuss it.');
  // Told: the notice's sender and those who wrote under it before, not the one writing now.
  const earlier = await q.selectDiscussants(ctx.db, id);
  await ctx.db
    .insertInto('network_notice_comment')
    .values({ notice_id: id, author_id: reader.userId, body: body.body.trim() })
    .execute();
  const me = await ctx.db.selectFrom('app_user').select('name').where('id', '=', reader.userId).executeTakeFirst();
  await notify(ctx.db, {
    kind: 'network.notice_comment',
    to: { users: earlier },
    params: { title: notice.title, name: me?.name ?? '' },
    link: `/network/notices/${id}`,
    except: reader.userId,
  });
  await audit(ctx.db, ctx, { verb: 'network.comment', recordType: 'network_notice', recordId: id });
  return getNotice(ctx, id);
}
