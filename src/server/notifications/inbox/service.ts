import type { Context } from '../../context.js';
import { Problem } from '../../http/problems.js';
import { languageOf } from '../catalogue.js';
import { renderNotice } from '../outbox/render.js';
import { countryNamesFor } from '../present.js';
import type { NoticePage, NoticeQuery, NoticeView } from '../schemas.js';
import * as q from './queries.js';

function signedIn(ctx: Context) {
  if (!ctx.actor) throw new Problem('unauthenticated');
  return ctx.actor;
}

/** The caller's own notices, in their language, a page at a time. */
export async function listNotices(ctx: Context, query: NoticeQuery): Promise<NoticePage> {
  const actor = signedIn(ctx);
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  const rows = await q.selectNotices(ctx.db, actor.userId, { ...(query.unread ? { unread: true } : {}), limit, offset });
  const language = languageOf(actor.language);
  const countries = await countryNamesFor(ctx.db, rows);
  const items: NoticeView[] = rows.map((row) => ({
    id: row.id,
    kind: row.kind as NoticeView['kind'],
    category: row.category as NoticeView['category'],
    ...renderNotice(row, language, countries),
    link: row.link,
    createdAt: new Date(row.created_at).toISOString(),
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
  }));
  return { items, total: rows[0] ? Number(rows[0].total) : 0, limit, offset, unread: await q.countUnread(ctx.db, actor.userId) };
}

/** How many of the caller's notices are unread (the bell). */
export async function unreadCount(ctx: Context) {
  return { unread: await q.countUnread(ctx.db, signedIn(ctx).userId) };
}

/** Marks one of the caller's notices read; another person's does not exist for them. */
export async function markNoticeRead(ctx: Context, id: string): Promise<void> {
  const actor = signedIn(ctx);
  if (!(await q.noticeBelongsTo(ctx.db, actor.userId, id))) throw new Problem('not_found', 'There is no such notification.');
  await q.markRead(ctx.db, actor.userId, [id]);
}

/** Marks all the caller's notices read. */
export async function markAllRead(ctx: Context) {
  return { marked: await q.markRead(ctx.db, signedIn(ctx).userId) };
}
