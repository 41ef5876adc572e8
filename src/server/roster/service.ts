import { type Actor, allowedSubset, assertAllowed, holds } from '../access/check.js';
import { audit } from '../audit/record.js';
import type { Context } from '../context.js';
import { inTransaction } from '../db/transaction.js';
import { Problem } from '../http/problems.js';
import * as q from './queries.js';
import type { CreateExpertBody, ExpertView, RosterPage, RosterQuery, UpdateExpertBody } from './schemas.js';

type Lists = Awaited<ReturnType<typeof q.selectExpertLists>>;

function daysIn(startsOn: string, endsOn: string, year: number): number {
  const from = Math.max(Date.parse(startsOn), Date.parse(`${year}-01-01`));
  const to = Math.min(Date.parse(endsOn), Date.parse(`${year}-12-31`));
  return to < from ? 0 : Math.round((to - from) / 86_400_000) + 1;
}

/** Deployment days of a set of deployments that fall in a calendar year. */
export function deploymentDays(deployments: ReadonlyArray<{ starts_on: string; ends_on: string }>, year: number): number {
  return deployments.reduce((sum, d) => sum + daysIn(d.starts_on, d.ends_on, year), 0);
}

/** Where an expert sits for scope checks: their structure and the State that seconds them. */
const locate = (row: { organisation_id: string; seconding_iso2: string | null }) => ({
  organisationId: row.organisation_id,
  countryIso2: row.seconding_iso2,
});

function editable(actor: Actor | null, rows: ReadonlyArray<q.ExpertRow>): Set<string> {
  const mine = rows.filter((r) => actor && r.user_id === actor.userId).map((r) => r.id);
  const scoped = allowedSubset(actor, 'expert.edit', rows, locate).map((r) => r.id);
  return new Set([...mine, ...scoped]);
}

function present(actor: Actor | null, row: q.ExpertRow, lists: Lists, canEdit: boolean): ExpertView {
  const of = <T extends { expert_id: string }>(items: T[]) => items.filter((i) => i.expert_id === row.id);
  const deployments = of(lists.deployments);
  return {
    id: row.id,
    name: row.name,
    userId: row.user_id,
    organisation: { id: row.organisation_id, code: row.organisation_code, name: row.organisation_name },
    secondingIso2: row.seconding_iso2,
    gender: row.gender,
    readiness: row.readiness,
    yearlyCapDays: row.yearly_cap_days,
    daysThisYear: deploymentDays(deployments, new Date().getUTCFullYear()),
    nationalities: of(lists.nationalities).map((n) => n.country_iso2),
    competences: of(lists.competences).map((c) => ({ code: c.competence_code, level: c.level })),
    languages: of(lists.languages).map((l) => ({
      code: l.language_code,
      speaking: l.speaking as 'A1',
      writing: l.writing as 'A1',
    })),
    periods: of(lists.periods).map((p) => ({ id: p.id, kind: p.kind, startsOn: p.starts_on, endsOn: p.ends_on, note: p.note })),
    prerequisites: of(lists.prerequisites).map((p) => ({ code: p.code, expiresOn: p.expires_on })),
    deployments: deployments.map((d) => ({
      id: d.id,
      missionId: d.mission_id,
      title: d.title,
      startsOn: d.starts_on,
      endsOn: d.ends_on,
      covers: d.covers,
      appraisal: d.appraisal,
      rating: d.rating,
    })),
    account:
      row.user_id && row.account_email && (holds(actor, 'user.read') || row.user_id === actor?.userId)
        ? { id: row.user_id, email: row.account_email, name: row.account_name ?? '' }
        : null,
    actions: [
      ...(canEdit ? (['edit'] as const) : []),
      ...(holds(actor, 'user.manage')
        ? row.user_id
          ? (['unlink_account'] as const)
          : (['invite', 'link_account'] as const)
        : []),
    ],
    readOnly: canEdit ? null : 'outside_scope',
  };
}

/** Experts by id, presented in the given order, with what the actor may do on each. */
export async function presentExperts(ctx: Context, ids: readonly string[], db = ctx.db): Promise<ExpertView[]> {
  const rows = await q.selectExperts(db, ids);
  const lists = await q.selectExpertLists(db, ids);
  const canEdit = editable(ctx.actor, rows);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [present(ctx.actor, row, lists, canEdit.has(id))] : [];
  });
}

/** Roster search by competence, language, availability, structure, nationality and readiness, with counts. */
export async function searchRoster(ctx: Context, query: RosterQuery): Promise<RosterPage> {
  assertAllowed(ctx.actor, 'expert.search');
  if (query.from && query.to && query.to < query.from)
    throw new Problem('validation', 'The end of the period is before its start.');
  const found = await q.searchExperts(ctx.db, query);
  const names = new Map(
    (
      await q.selectOrganisationNames(
        ctx.db,
        found.organisation.map((c) => c.key),
      )
    ).map((o) => [o.id, o.name_en]),
  );
  return {
    items: await presentExperts(ctx, found.ids),
    total: found.total,
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
    counts: {
      organisation: found.organisation.map((c) => ({ key: c.key, label: names.get(c.key) ?? c.key, count: c.count })),
      readiness: found.readiness.map((c) => ({ key: c.key, label: c.key, count: c.count })),
      gender: found.gender.map((c) => ({ key: c.key, label: c.key, count: c.count })),
    },
  };
}

async function canSee(ctx: Context, id: string) {
  const owner = await q.selectExpertOwnership(ctx.db, id);
  if (!owner) throw new Problem('not_found', 'There is no such expert on the roster.');
  const self = ctx.actor?.userId === owner.user_id;
  if (!self && !holds(ctx.actor, 'expert.search') && allowedSubset(ctx.actor, 'expert.edit', [owner], locate).length === 0) {
    throw new Problem('forbidden');
  }
  return owner;
}

/** One expert's profile: for the expert, the roster's searchers, and those who may edit it. */
export async function getExpert(ctx: Context, id: string): Promise<ExpertView> {
  await canSee(ctx, id);
  const [view] = await presentExperts(ctx, [id]);
  if (!view) throw new Problem('not_found');
  return view;
}

/** The signed-in person's own roster profile, if they have one. */
export async function myProfile(ctx: Context): Promise<{ expert: ExpertView | null }> {
  if (!ctx.actor) throw new Problem('unauthenticated');
  const own = await q.selectExpertByUser(ctx.db, ctx.actor.userId);
  return { expert: own ? ((await presentExperts(ctx, [own.id]))[0] ?? null) : null };
}

function checkPeriods(periods: UpdateExpertBody['periods']) {
  for (const [i, p] of (periods ?? []).entries()) {
    if (p.endsOn < p.startsOn) {
      const message = `A period cannot end (${p.endsOn}) before it starts (${p.startsOn}).`;
      throw new Problem('validation', message, { errors: [{ pointer: `/periods/${i}/endsOn`, message }] });
    }
  }
}

/** Nominates an expert: a focal point for its structure, a delegation for the experts its State seconds. */
export async function nominateExpert(ctx: Context, input: CreateExpertBody): Promise<ExpertView> {
  assertAllowed(ctx.actor, 'expert.nominate', {
    organisationId: input.organisationId,
    countryIso2: input.secondingIso2 ?? null,
  });
  checkPeriods(input.periods);
  return inTransaction(ctx.db, async (trx) => {
    const { id } = await q.insertExpert(trx, {
      user_id: input.userId ?? null,
      name: input.name.trim(),
      organisation_id: input.organisationId,
      seconding_iso2: input.secondingIso2 ?? null,
      gender: input.gender,
      readiness: input.readiness ?? 'ready',
      yearly_cap_days: input.yearlyCapDays ?? 60,
    });
    await q.replaceExpertLists(trx, id, input);
    await audit(trx, ctx, { verb: 'expert.nominate', recordType: 'expert', recordId: id });
    const [view] = await presentExperts(ctx, [id], trx);
    return view!;
  });
}

/** Edits a profile: the expert themself, or a holder of expert.edit over their structure or seconding State. */
export async function updateExpert(ctx: Context, id: string, input: UpdateExpertBody): Promise<ExpertView> {
  if (!ctx.actor) throw new Problem('unauthenticated');
  const owner = await q.selectExpertOwnership(ctx.db, id);
  if (!owner) throw new Problem('not_found', 'There is no such expert on the roster.');
  const self = owner.user_id === ctx.actor.userId;
  if (!self && allowedSubset(ctx.actor, 'expert.edit', [owner], locate).length === 0) throw new Problem('forbidden');
  checkPeriods(input.periods);
  return inTransaction(ctx.db, async (trx) => {
    await q.updateExpert(trx, id, {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.gender !== undefined ? { gender: input.gender } : {}),
      ...(input.readiness !== undefined ? { readiness: input.readiness } : {}),
      ...(input.yearlyCapDays !== undefined ? { yearly_cap_days: input.yearlyCapDays } : {}),
      ...(input.secondingIso2 !== undefined ? { seconding_iso2: input.secondingIso2 } : {}),
    });
    await q.replaceExpertLists(trx, id, input);
    await audit(trx, ctx, {
      verb: 'expert.edit',
      recordType: 'expert',
      recordId: id,
      details: { fields: Object.keys(input), self },
    });
    const [view] = await presentExperts(ctx, [id], trx);
    return view!;
  });
}
