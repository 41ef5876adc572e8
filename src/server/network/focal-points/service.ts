import { type Actor, assertAllowed, holds, scopeOf } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { searchWords } from '../../directory/text.js';
import { Problem } from '../../http/problems.js';
import { readerOf } from '../membership.js';
import * as q from './queries.js';
import type { DirectoryQuery, FocalPoint, FocalPointList, Membership, NominateBody } from './schemas.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function mayNominateIn(actor: Actor | null, country: string): boolean {
  const scope = scopeOf(actor, 'network.nominate');
  return scope.all || scope.countries.has(country);
}

function present(actor: Actor | null, row: q.FocalPointRow): FocalPoint {
  const actions: FocalPoint['actions'] = [];
  if (row.status === 'nominated' && holds(actor, 'network.confirm')) actions.push('confirm');
  if (mayNominateIn(actor, row.country_iso2)) {
    if (row.status === 'confirmed') actions.push('renew');
    if (row.status !== 'withdrawn') actions.push('withdraw');
  }
  return {
    id: row.id,
    countryIso2: row.country_iso2,
    userId: row.user_id,
    name: row.name,
    email: row.email,
    agency: row.agency,
    function: row.function,
    expertise: row.expertise,
    languages: row.languages,
    status: row.status,
    member: row.member,
    nominatedAt: iso(row.nominated_at)!,
    confirmedAt: iso(row.confirmed_at),
    expiresOn: row.expires_on ? row.expires_day : null,
    actions,
  };
}

/** The network's directory: its current members, for members and the co-ordinator only; audited (personal data). */
export async function networkDirectory(ctx: Context, query: DirectoryQuery): Promise<FocalPointList> {
  const reader = await readerOf(ctx);
  if (!reader.userId) throw new Problem('unauthenticated');
  if (!reader.member && !reader.all) throw new Problem('forbidden', 'The network directory is open to its members only.');
  const words = searchWords(query.q);
  const filter = { country: query.country, current: true, words };
  const [rows, total] = await Promise.all([
    q.selectFocalPoints(ctx.db, { ...filter, limit: query.limit ?? 50, offset: query.offset ?? 0 }),
    q.countFocalPoints(ctx.db, filter),
  ]);
  await audit(ctx.db, ctx, { verb: 'network.directory_read', details: { country: query.country ?? null, count: rows.length } });
  return { items: rows.map((row) => present(ctx.actor, row)), total };
}

/** A State's focal points, nominations and withdrawals included, for its delegation and the co-ordinator. */
export async function stateFocalPoints(ctx: Context, country: string): Promise<FocalPointList> {
  assertAllowed(ctx.actor, 'network.nominate', { countryIso2: country });
  const rows = await q.selectFocalPoints(ctx.db, { country });
  await audit(ctx.db, ctx, { verb: 'network.directory_read', details: { country, count: rows.length } });
  return { items: rows.map((row) => present(ctx.actor, row)), total: rows.length };
}

/** A delegation nominates a national focal point of its State: a person with a Crossroads account. */
export async function nominate(ctx: Context, country: string, body: NominateBody): Promise<FocalPoint> {
  assertAllowed(ctx.actor, 'network.nominate', { countryIso2: country });
  const state = await q.selectCountry(ctx.db, country);
  if (state?.osce_status !== 'participating') {
    throw new Problem('not_found', 'Focal points are nominated for the participating States only.');
  }
  const user = await q.selectUserByEmail(ctx.db, body.email);
  if (!user) {
    throw new Problem('validation', undefined, {
      errors: [
        { pointer: '/email', code: 'no_account', message: 'No account has this address: ask the co-ordinator to create one.' },
      ],
    });
  }
  const existing = await q.selectFocalPoints(ctx.db, { country });
  if (existing.some((f) => f.user_id === user.id && f.status !== 'withdrawn')) {
    throw new Problem('duplicate', 'This person is already a focal point of this State, or nominated as one.', {
      errors: [{ pointer: '/email', code: 'duplicate', message: 'This person is already nominated for this State.' }],
    });
  }
  const row = await q.insertFocalPoint(ctx.db, {
    country_iso2: country,
    user_id: user.id,
    agency: body.agency.trim(),
    function: body.function?.trim() ?? '',
    expertise: body.expertise?.trim() ?? '',
    languages: body.languages ?? [],
    nominated_by: ctx.actor?.userId ?? null,
  });
  await audit(ctx.db, ctx, {
    verb: 'network.nominate',
    recordType: 'network_focal_point',
    recordId: row.id,
    details: { country },
  });
  return focalPoint(ctx, row.id);
}

async function focalPoint(ctx: Context, id: string): Promise<FocalPoint> {
  const [row] = await q.selectFocalPoints(ctx.db, { ids: [id] });
  if (!row) throw new Problem('not_found', 'There is no such focal point.');
  return present(ctx.actor, row);
}

/** The co-ordinator confirms a nomination: the person is a member for two years. */
export async function confirm(ctx: Context, id: string): Promise<FocalPoint> {
  assertAllowed(ctx.actor, 'network.confirm');
  const moved = await q.updateFocalPoint(ctx.db, id, ['nominated'], {
    status: 'confirmed',
    confirmed_by: ctx.actor?.userId,
    renew: true,
  });
  if (!moved) throw new Problem('conflict', 'Only a standing nomination can be confirmed.');
  await audit(ctx.db, ctx, { verb: 'network.confirm', recordType: 'network_focal_point', recordId: id });
  return focalPoint(ctx, id);
}

async function located(ctx: Context, id: string) {
  const [row] = await q.selectFocalPoints(ctx.db, { ids: [id] });
  if (!row) throw new Problem('not_found', 'There is no such focal point.');
  assertAllowed(ctx.actor, 'network.nominate', { countryIso2: row.country_iso2 });
  return row;
}

/** The State's delegation (or the co-ordinator) renews a membership for two years from today. */
export async function renew(ctx: Context, id: string): Promise<FocalPoint> {
  await located(ctx, id);
  const moved = await q.updateFocalPoint(ctx.db, id, ['confirmed'], { renew: true });
  if (!moved) throw new Problem('conflict', 'Only a confirmed focal point can be renewed.');
  await audit(ctx.db, ctx, { verb: 'network.renew', recordType: 'network_focal_point', recordId: id });
  return focalPoint(ctx, id);
}

/** The State's delegation (or the co-ordinator) withdraws a nomination or a membership. */
export async function withdraw(ctx: Context, id: string): Promise<FocalPoint> {
  await located(ctx, id);
  const moved = await q.updateFocalPoint(ctx.db, id, ['nominated', 'confirmed'], { status: 'withdrawn' });
  if (!moved) throw new Problem('conflict', 'This focal point is already withdrawn.');
  await audit(ctx.db, ctx, { verb: 'network.withdraw', recordType: 'network_focal_point', recordId: id });
  return focalPoint(ctx, id);
}

/** What the caller is in the network: member, co-ordinator, nominating delegation. */
export async function membership(ctx: Context): Promise<Membership> {
  if (!ctx.actor) throw new Problem('unauthenticated');
  const reader = await readerOf(ctx);
  const scope = scopeOf(ctx.actor, 'network.nominate');
  return {
    member: reader.member,
    manages: reader.all,
    nominates: [...scope.countries].sort(),
    countries: await q.selectMemberCountries(ctx.db, ctx.actor.userId),
  };
}
