import { createHash, randomBytes } from 'node:crypto';
import { type Actor, holds } from '../../access/check.js';
import type { Role, ScopeType } from '../../access/roles.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import * as q from '../lifecycle/queries.js';
import * as c from './queries.js';
import type { FeedToken, NewFeedToken } from './schemas.js';

const hash = (token: string) => createHash('sha256').update(token).digest();
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The signed-in person's feed tokens (never the tokens themselves). */
export async function listFeedTokens(ctx: Context): Promise<FeedToken[]> {
  if (!ctx.actor) throw new Problem('unauthenticated');
  const rows = await c.selectFeedTokens(ctx.db, ctx.actor.userId);
  return rows.map((r) => ({ id: r.id, label: r.label, createdAt: iso(r.created_at)!, revokedAt: iso(r.revoked_at) }));
}

/** Issues an unguessable feed token; it is returned once and only its hash is stored. */
export async function createFeedToken(ctx: Context, label = ''): Promise<NewFeedToken> {
  if (!ctx.actor) throw new Problem('unauthenticated');
  const actor = ctx.actor;
  const token = randomBytes(32).toString('base64url');
  return inTransaction(ctx.db, async (trx) => {
    const row = await c.insertFeedToken(trx, { user_id: actor.userId, token_hash: hash(token), label });
    await audit(trx, ctx, { verb: 'calendar.token.create', recordType: 'calendar_feed_token', recordId: row.id });
    return {
      id: row.id,
      label: row.label,
      createdAt: iso(row.created_at)!,
      revokedAt: null,
      token,
      urls: { mine: `/api/calendar/feeds/${token}/mine.ics`, missions: `/api/calendar/feeds/${token}/missions.ics` },
    };
  });
}

/** Revokes one of the signed-in person's feed tokens. */
export async function revokeFeedToken(ctx: Context, id: string): Promise<void> {
  if (!ctx.actor) throw new Problem('unauthenticated');
  const actor = ctx.actor;
  await inTransaction(ctx.db, async (trx) => {
    // Revoking is idempotent and touches only the caller's own tokens.
    const result = await c.revokeFeedToken(trx, actor.userId, id);
    if (Number(result.numUpdatedRows) === 0) return;
    await audit(trx, ctx, { verb: 'calendar.token.revoke', recordType: 'calendar_feed_token', recordId: id });
  });
}

async function feedActor(ctx: Context, token: string): Promise<Actor> {
  const owner = await c.selectFeedOwner(ctx.db, hash(token));
  if (!owner) throw new Problem('not_found', 'This calendar address is not valid or has been revoked.');
  return {
    userId: owner.id,
    email: owner.email,
    name: owner.name,
    language: owner.language,
    mustChangePassword: false,
    sessionId: '',
    csrfToken: '',
    grants: owner.grants.map((g) => ({
      role: g.role as Role,
      scopeType: g.scope_type as ScopeType,
      organisationId: g.organisation_id,
      countryIso2: g.country_iso2,
    })),
  };
}

/** An all-day event ends on the day after its last day (RFC 5545). */
const dayAfter = (day: string) => new Date(Date.parse(day) + 86_400_000);

async function calendar(name: string) {
  const { default: ical } = await import('ical-generator');
  return ical({ name, prodId: { company: 'OSCE', product: 'Crossroads', language: 'EN' } });
}

/** An expert's deployments as an iCalendar feed: the token owner's own, or any expert's for the roster's searchers. */
export async function expertFeed(ctx: Context, token: string, expertId?: string): Promise<string> {
  const actor = await feedActor(ctx, token);
  const own = await ctx.db.selectFrom('expert').select(['id', 'name']).where('user_id', '=', actor.userId).executeTakeFirst();
  let expert = own;
  if (expertId && expertId !== own?.id) {
    if (!holds(actor, 'expert.search')) throw new Problem('not_found', 'This calendar address is not valid or has been revoked.');
    expert = await ctx.db.selectFrom('expert').select(['id', 'name']).where('id', '=', expertId).executeTakeFirst();
    if (!expert) throw new Problem('not_found', 'There is no such expert on the roster.');
  }
  const cal = await calendar(`Crossroads: ${expert?.name ?? actor.name}`);
  for (const d of await c.selectDeploymentsOf(ctx.db, expert ? [expert.id] : [])) {
    if (d.status === 'cancelled') continue;
    cal.createEvent({ id: d.id, start: new Date(d.starts_on), end: dayAfter(d.ends_on), allDay: true, summary: d.title });
  }
  return cal.toString();
}

/** Every mission (or one), with its team when the owner may see the roster or is on it. */
export async function missionsFeed(ctx: Context, token: string, missionId?: string): Promise<string> {
  const actor = await feedActor(ctx, token);
  const rows = (await q.selectMissions(ctx.db, missionId ? { ids: [missionId] } : {})).filter((m) => m.status !== 'cancelled');
  if (missionId && rows.length === 0) throw new Problem('not_found', 'There is no such mission.');
  const lists = await q.selectMissionLists(
    ctx.db,
    rows.map((r) => r.id),
  );
  const seesTeams = holds(actor, 'expert.search');
  const cal = await calendar(missionId ? `Crossroads: ${rows[0]!.code}` : 'Crossroads: missions');
  for (const m of rows) {
    const countries = lists.countries.filter((x) => x.mission_id === m.id).map((x) => x.name_en);
    const team = lists.team.filter((x) => x.mission_id === m.id).map((x) => x.name);
    cal.createEvent({
      id: m.id,
      start: new Date(m.starts_on),
      end: dayAfter(m.ends_on),
      allDay: true,
      summary: `${m.code} ${m.title}`,
      location: countries.join(', '),
      description: [
        `Status: ${m.status.replace('_', ' ')}`,
        ...(seesTeams && team.length > 0 ? [`Team: ${team.join(', ')}`] : []),
      ].join('\n'),
    });
  }
  return cal.toString();
}
