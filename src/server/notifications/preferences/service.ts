import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { CATEGORIES, type Category, MANDATORY } from '../catalogue.js';
import { readUnsubscribeToken, signingKey } from '../outbox/signing.js';
import type { PreferenceList, PreferencesBody, UnsubscribeView } from '../schemas.js';
import type { DeliveryMode } from '../tables.js';
import * as q from './queries.js';

async function modesOf(ctx: Context, userId: string): Promise<Map<string, DeliveryMode>> {
  return new Map((await q.selectPreferences(ctx.db, userId)).map((row) => [row.category, row.mode]));
}

function view(modes: Map<string, DeliveryMode>): PreferenceList {
  return {
    items: CATEGORIES.map((category) => {
      const mandatory = MANDATORY.includes(category);
      return { category, mode: mandatory ? 'immediate' : (modes.get(category) ?? 'immediate'), mandatory };
    }),
  };
}

/** How the caller receives each category (immediately unless they chose otherwise). */
export async function getPreferences(ctx: Context): Promise<PreferenceList> {
  if (!ctx.actor) throw new Problem('unauthenticated');
  return view(await modesOf(ctx, ctx.actor.userId));
}

/** Changes how the caller receives some categories; account security stays immediate. */
export async function setPreferences(ctx: Context, body: PreferencesBody): Promise<PreferenceList> {
  const actor = ctx.actor;
  if (!actor) throw new Problem('unauthenticated');
  const errors = body.preferences.flatMap((p, i) =>
    MANDATORY.includes(p.category) && p.mode !== 'immediate'
      ? [{ pointer: `/preferences/${i}/mode`, code: 'mandatory', message: 'This category is always sent at once.' }]
      : [],
  );
  const seen = new Set<string>();
  body.preferences.forEach((p, i) => {
    if (seen.has(p.category))
      errors.push({ pointer: `/preferences/${i}/category`, code: 'duplicate', message: 'This category is named twice.' });
    seen.add(p.category);
  });
  if (errors.length > 0) throw new Problem('validation', 'Some preferences cannot be set.', { errors });
  return inTransaction(ctx.db, async (trx) => {
    await q.upsertPreferences(trx, actor.userId, body.preferences);
    await audit(trx, ctx, {
      verb: 'notification.preference.set',
      recordType: 'notification_preference',
      recordId: actor.userId,
      details: Object.fromEntries(body.preferences.map((p) => [p.category, p.mode])),
    });
    return view(await modesOf({ ...ctx, db: trx }, actor.userId));
  });
}

async function tokenHolder(ctx: Context, token: string): Promise<{ userId: string; category: Category }> {
  const found = readUnsubscribeToken(await signingKey(ctx.db), token);
  if (!found || MANDATORY.includes(found.category) || !(await q.userExists(ctx.db, found.userId))) {
    throw new Problem('not_found', 'This unsubscribe link is not valid.');
  }
  return found;
}

/** What an unsubscribe link would turn off, and how it is received now; the page asks before it does. */
export async function describeUnsubscribe(ctx: Context, token: string): Promise<UnsubscribeView> {
  const { userId, category } = await tokenHolder(ctx, token);
  return { category, mode: (await modesOf(ctx, userId)).get(category) ?? 'immediate' };
}

/** One-click unsubscribe (RFC 8058): the signed link turns its category's emails off for its person. */
export async function unsubscribe(ctx: Context, token: string): Promise<UnsubscribeView> {
  const { userId, category } = await tokenHolder(ctx, token);
  return inTransaction(ctx.db, async (trx) => {
    await q.upsertPreferences(trx, userId, [{ category, mode: 'off' }]);
    await audit(
      trx,
      ctx,
      { verb: 'notification.unsubscribe', recordType: 'notification_preference', recordId: userId, details: { category } },
      { actorId: userId },
    );
    return { category, mode: 'off' };
  });
}
