import { allowedSubset, assertAllowed } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { type FieldError, Problem } from '../../http/problems.js';
import type { LanguageCode } from '../../reference/values.js';
import * as q from './queries.js';
import type { CampaignBody, CampaignPage, CampaignQuery, CampaignView } from './schemas.js';

/** Campaigns with their countries, materials and the caller's actions: one query of each for the page. */
async function presentAll(ctx: Context, rows: q.CampaignRow[]): Promise<CampaignView[]> {
  const ids = rows.map((r) => r.id);
  const [countries, materials] = await Promise.all([q.selectCountries(ctx.db, ids), q.selectMaterials(ctx.db, ids)]);
  const editable = new Set(
    allowedSubset(ctx.actor, 'campaign.manage', rows, (r) => ({ organisationId: r.organiser_id })).map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    organiser: { id: r.organiser_id, name: r.organiser_name },
    countries: countries.filter((c) => c.campaign_id === r.id).map((c) => c.country_iso2),
    audiences: r.audiences,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    reach: { count: r.reach_count, description: r.reach_description },
    materials: materials.filter((m) => m.campaign_id === r.id).map((m) => ({ id: m.id, title: m.title })),
    actions: editable.has(r.id) ? ['edit'] : [],
  }));
}

/** The campaigns, filtered by country, audience, organiser or year, a page at a time; public. */
export async function listCampaigns(ctx: Context, query: CampaignQuery): Promise<CampaignPage> {
  const limit = query.limit ?? 20;
  const offset = query.offset ?? 0;
  const { rows, total } = await q.selectCampaigns(
    ctx.db,
    {
      ...(query.country ? { country: query.country } : {}),
      ...(query.audience ? { audience: query.audience } : {}),
      ...(query.organiserId ? { organiserId: query.organiserId } : {}),
      ...(query.year ? { year: query.year } : {}),
    },
    query.lang ?? 'en',
    { limit, offset },
  );
  return { items: await presentAll(ctx, rows), total, limit, offset };
}

/** One campaign; public. */
export async function getCampaign(ctx: Context, id: string, lang: LanguageCode = 'en'): Promise<CampaignView> {
  const { rows } = await q.selectCampaigns(ctx.db, { ids: [id] }, lang, { limit: 1, offset: 0 });
  const [view] = await presentAll(ctx, rows);
  if (!view) throw new Problem('not_found');
  return view;
}

/** Every reference in the body that the database does not hold, as field errors. */
async function checkReferences(db: q.Db, body: CampaignBody): Promise<q.CampaignValues> {
  const errors: FieldError[] = [];
  if (body.endsOn && body.endsOn < body.startsOn) errors.push({ pointer: '/endsOn', message: 'The end comes before the start.' });
  const [organiser, countries, documents] = await Promise.all([
    q.organiserExists(db, body.organiserId),
    q.selectKnownCountries(db, body.countries),
    q.selectPublicDocuments(db, body.materialIds),
  ]);
  if (!organiser) errors.push({ pointer: '/organiserId', message: 'Choose an organisation of the directory.' });
  if (body.countries.some((c) => !countries.has(c)))
    errors.push({ pointer: '/countries', message: 'Choose countries from the list.' });
  if (body.materialIds.some((id) => !documents.has(id)))
    errors.push({ pointer: '/materialIds', message: 'Materials are public documents of the library.' });
  if (errors.length) throw new Problem('validation', errors.map((e) => e.message).join(' '), { errors });
  return {
    title: body.title.trim(),
    description: body.description?.trim() ?? '',
    organiserId: body.organiserId,
    audiences: body.audiences,
    startsOn: body.startsOn,
    endsOn: body.endsOn ?? null,
    reachCount: body.reachCount ?? null,
    reachDescription: body.reachDescription?.trim() ?? '',
  };
}

/** Creates a campaign for an organisation the caller keeps campaigns for. */
export async function createCampaign(ctx: Context, body: CampaignBody): Promise<CampaignView> {
  assertAllowed(ctx.actor, 'campaign.manage', { organisationId: body.organiserId });
  const id = await inTransaction(ctx.db, async (trx) => {
    const values = await checkReferences(trx, body);
    const created = await q.insertCampaign(trx, values, ctx.actor?.userId ?? null);
    await q.replaceLinks(trx, created, body.countries, body.materialIds);
    await audit(trx, ctx, { verb: 'campaign.create', recordType: 'awareness_campaign', recordId: created });
    return created;
  });
  return getCampaign(ctx, id);
}

/** Replaces a campaign's details; the caller keeps campaigns for its organiser, before and after. */
export async function editCampaign(ctx: Context, id: string, body: CampaignBody): Promise<CampaignView> {
  assertAllowed(ctx.actor, 'campaign.manage');
  await inTransaction(ctx.db, async (trx) => {
    const current = await q.lockCampaign(trx, id);
    if (!current) throw new Problem('not_found');
    assertAllowed(ctx.actor, 'campaign.manage', { organisationId: current.organiser_id });
    assertAllowed(ctx.actor, 'campaign.manage', { organisationId: body.organiserId });
    const values = await checkReferences(trx, body);
    await q.updateCampaign(trx, id, values);
    await q.replaceLinks(trx, id, body.countries, body.materialIds);
    await audit(trx, ctx, { verb: 'campaign.edit', recordType: 'awareness_campaign', recordId: id });
  });
  return getCampaign(ctx, id);
}
