import { allowedSubset, assertAllowed, holds } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import type { Db } from '../drafting/queries.js';
import * as f from '../follow-up/queries.js';
import { followedReportIds, getRecommendation } from '../follow-up/service.js';
import * as q from './queries.js';
import type {
  ContributionList,
  ContributionStatus,
  ContributionView,
  CreateContributionBody,
  LedgerContributionQuery,
  UpdateContributionBody,
} from './schemas.js';

/** Where a contribution may go from each status: pledged → confirmed → received, or withdrawn before it is received. */
const NEXT: Record<ContributionStatus, ContributionStatus[]> = {
  pledged: ['confirmed', 'received', 'withdrawn'],
  confirmed: ['received', 'withdrawn'],
  received: [],
  withdrawn: [],
};

let currencies: Set<string> | undefined;
/** The ISO 4217 currencies the runtime knows, the same list the browser's picker offers. */
function isCurrency(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(code);
}

function present(ctx: Context, rows: q.ContributionRow[]): ContributionView[] {
  const editable = new Set(
    allowedSubset(ctx.actor, 'report.follow_up', rows, (r) => ({ organisationId: r.project_organisation_id })).map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    projectId: r.project_id,
    recommendationId: r.recommendation_id,
    projectTitle: r.project_title,
    contributor: {
      kind: r.contributor_country_iso2 ? 'state' : 'donor',
      countryIso2: r.contributor_country_iso2,
      organisationId: r.contributor_organisation_id,
      name: r.contributor_name,
    },
    amount: Number(r.amount),
    currency: r.currency,
    status: r.status,
    contributedOn: r.contributed_on,
    note: r.note,
    updatedAt: new Date(r.updated_at).toISOString(),
    next: editable.has(r.id) ? NEXT[r.status] : [],
    actions: editable.has(r.id) ? ['edit' as const] : [],
  }));
}

/** Sums per currency, never across currencies: no conversion is stated, so none is made. */
export function totalsByCurrency(items: readonly Pick<ContributionView, 'amount' | 'currency' | 'status'>[]) {
  const totals = new Map<string, { currency: string; promised: number; received: number; count: number }>();
  for (const item of items) {
    const total = totals.get(item.currency) ?? { currency: item.currency, promised: 0, received: 0, count: 0 };
    total.count++;
    if (item.status !== 'withdrawn') total.promised += item.amount;
    if (item.status === 'received') total.received += item.amount;
    totals.set(item.currency, total);
  }
  return [...totals.values()]
    .map((t) => ({ ...t, promised: Math.round(t.promised * 100) / 100, received: Math.round(t.received * 100) / 100 }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
}

/** The project of a recommendation the caller may follow, or a problem. */
async function projectOf(ctx: Context, db: Db, recommendationId: string, projectId: string) {
  await getRecommendation(ctx, recommendationId, db);
  const [project] = await f.selectProjects(db, [recommendationId], [projectId]);
  if (!project) throw new Problem('not_found', 'There is no such project.');
  return project;
}

/** The contributions to one project, with their totals per currency. */
export async function listContributions(ctx: Context, recommendationId: string, projectId: string): Promise<ContributionList> {
  const project = await projectOf(ctx, ctx.db, recommendationId, projectId);
  const items = present(ctx, await q.selectContributions(ctx.db, { projectIds: [projectId] }));
  const mayAdd = allowedSubset(ctx.actor, 'report.follow_up', [project], (p) => ({ organisationId: p.organisation_id }));
  return { items, totals: totalsByCurrency(items), actions: mayAdd.length > 0 ? ['contribute'] : [] };
}

/** Every contribution to the projects of the recommendations the caller may follow, for the solidarity ledger. */
export async function ledgerContributions(ctx: Context, query: LedgerContributionQuery): Promise<ContributionList> {
  const recommendations = await f.selectRecommendations(ctx.db, await followedReportIds(ctx));
  const rows = await q.selectContributions(ctx.db, { recommendationIds: recommendations.map((r) => r.id) });
  const items = present(ctx, rows).filter(
    (c) =>
      (!query.kind || c.contributor.kind === query.kind) &&
      (!query.status || c.status === query.status) &&
      (!query.currency || c.currency === query.currency),
  );
  return { items, totals: totalsByCurrency(items), actions: holds(ctx.actor, 'report.follow_up') ? ['contribute'] : [] };
}

async function checkContributor(db: Db, input: CreateContributionBody) {
  const country = input.contributorCountryIso2 ?? null;
  const organisation = input.contributorOrganisationId ?? null;
  if ((country === null) === (organisation === null)) {
    throw new Problem('validation', 'A contribution comes from one participating State or one donor organisation.', {
      errors: [{ pointer: '/contributorCountryIso2', message: 'Choose a State or a donor organisation, not both.' }],
    });
  }
  if (country && !(await q.selectParticipatingState(db, country))) {
    throw new Problem('validation', 'Only a participating State contributes as a State.', {
      errors: [{ pointer: '/contributorCountryIso2', message: 'Choose a participating State.' }],
    });
  }
  if (organisation && !(await f.selectOrganisation(db, organisation))) {
    throw new Problem('validation', 'The donor organisation is not in the directory.', {
      errors: [{ pointer: '/contributorOrganisationId', message: 'Choose an organisation of the directory.' }],
    });
  }
  return { country, organisation };
}

function checkCurrency(currency: string | undefined) {
  if (currency !== undefined && !isCurrency(currency)) {
    throw new Problem('validation', `${currency} is not an ISO 4217 currency.`, {
      errors: [{ pointer: '/currency', message: 'Choose a currency from the list.' }],
    });
  }
}

async function reload(ctx: Context, id: string): Promise<ContributionView> {
  return present(ctx, await q.selectContributions(ctx.db, { ids: [id] }))[0] as ContributionView;
}

/** Records a contribution pledged to a project; whoever may follow the project up may record it. */
export async function createContribution(
  ctx: Context,
  recommendationId: string,
  projectId: string,
  input: CreateContributionBody,
): Promise<ContributionView> {
  checkCurrency(input.currency);
  const actorId = ctx.actor?.userId ?? null;
  const id = await inTransaction(ctx.db, async (trx) => {
    const project = await projectOf(ctx, trx, recommendationId, projectId);
    assertAllowed(ctx.actor, 'report.follow_up', { organisationId: project.organisation_id });
    const { country, organisation } = await checkContributor(trx, input);
    const row = await q.insertContribution(trx, {
      project_id: projectId,
      contributor_country_iso2: country,
      contributor_organisation_id: organisation,
      amount: input.amount,
      currency: input.currency,
      status: input.status ?? 'pledged',
      contributed_on: input.contributedOn,
      note: input.note?.trim() ?? '',
      created_by: actorId,
      updated_by: actorId,
    });
    if (!row) throw new Problem('conflict');
    await audit(trx, ctx, {
      verb: 'report.follow_up',
      recordType: 'project_contribution',
      recordId: row.id,
      details: { project: projectId, amount: input.amount, currency: input.currency, status: input.status ?? 'pledged' },
    });
    return row.id;
  });
  return reload(ctx, id);
}

/** Changes a contribution: its amount, date, note, or its status one step along. */
export async function updateContribution(
  ctx: Context,
  params: { id: string; projectId: string; contributionId: string },
  input: UpdateContributionBody,
): Promise<ContributionView> {
  checkCurrency(input.currency);
  await inTransaction(ctx.db, async (trx) => {
    const project = await projectOf(ctx, trx, params.id, params.projectId);
    const current = await q.lockContribution(trx, params.contributionId);
    if (!current || current.project_id !== project.id) throw new Problem('not_found', 'There is no such contribution.');
    assertAllowed(ctx.actor, 'report.follow_up', { organisationId: project.organisation_id });
    if (input.status !== undefined && input.status !== current.status && !NEXT[current.status].includes(input.status)) {
      throw new Problem('validation', `A contribution ${current.status} cannot become ${input.status}.`, {
        errors: [
          { pointer: '/status', message: `From ${current.status}: ${NEXT[current.status].join(', ') || 'no further step'}.` },
        ],
      });
    }
    await q.updateContribution(
      trx,
      current.id,
      {
        ...(input.amount !== undefined ? { amount: input.amount } : {}),
        ...(input.currency !== undefined ? { currency: input.currency } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.contributedOn !== undefined ? { contributed_on: input.contributedOn } : {}),
        ...(input.note !== undefined ? { note: input.note.trim() } : {}),
      },
      ctx.actor?.userId ?? null,
    );
    await audit(trx, ctx, {
      verb: 'report.follow_up',
      recordType: 'project_contribution',
      recordId: current.id,
      details: { fields: Object.keys(input), status: input.status ?? current.status },
    });
  });
  return reload(ctx, params.contributionId);
}
