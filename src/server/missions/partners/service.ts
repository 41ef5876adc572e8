import { assertAllowed, holds } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import type { Lang } from '../../directory/present.js';
import { whomToCall } from '../../directory/whom-to-call/service.js';
import { Problem } from '../../http/problems.js';
import * as q from './queries.js';
import type { PartnersBody, PartnersView, PartnerView, ProposedContactsView } from './schemas.js';

const CLOSED = ['closed', 'cancelled'];
/** Competences asked about, at most: each is one "whom do I call?" question per host country. */
const MAX_COMPETENCES = 4;

async function missionOf(ctx: Context, id: string) {
  const mission = await q.selectMission(ctx.db, id);
  if (!mission) throw new Problem('not_found', 'There is no such mission.');
  return mission;
}

function present(row: q.PartnerRow, lang: string): PartnerView {
  const name = (row[`name_${lang}` as 'name_en'] as string | null) ?? row.name_en;
  return { organisationId: row.organisation_id, name, acronym: row.acronym, role: row.role, note: row.note };
}

const languageOf = (ctx: Context, lang?: string) => lang ?? ctx.actor?.language ?? 'en';

/** The organisations the mission works with, and whether the caller may change them. */
export async function listPartners(ctx: Context, id: string, db = ctx.db): Promise<PartnersView> {
  const mission = await missionOf({ ...ctx, db }, id);
  const lang = languageOf(ctx);
  const rows = await q.selectPartners(db, id);
  const editable = !CLOSED.includes(mission.status) && holds(ctx.actor, 'mission.edit');
  return { partners: rows.map((r) => present(r, lang)), actions: editable ? ['edit'] : [] };
}

/** Replaces the mission's partners: organisations from the directory, each with its role. */
export async function setPartners(ctx: Context, id: string, input: PartnersBody): Promise<PartnersView> {
  assertAllowed(ctx.actor, 'mission.edit');
  const mission = await missionOf(ctx, id);
  if (CLOSED.includes(mission.status))
    throw new Problem('conflict', 'The partners of a closed or cancelled mission stay as they were.');
  const known = await q.selectKnownOrganisations(
    ctx.db,
    input.partners.map((p) => p.organisationId),
  );
  const seen = new Set<string>();
  const errors: Array<{ pointer: string; message: string }> = [];
  input.partners.forEach((p, i) => {
    if (!known.has(p.organisationId)) {
      errors.push({ pointer: `/partners/${i}/organisationId`, message: 'There is no such organisation in the directory.' });
    } else if (seen.has(p.organisationId)) {
      errors.push({ pointer: `/partners/${i}/organisationId`, message: 'This organisation is already a partner.' });
    }
    seen.add(p.organisationId);
  });
  if (errors.length > 0) throw new Problem('validation', errors[0]!.message, { errors });
  return inTransaction(ctx.db, async (trx) => {
    await q.replacePartners(trx, id, input.partners);
    await audit(trx, ctx, {
      verb: 'mission.edit',
      recordType: 'mission',
      recordId: id,
      details: { partners: input.partners.map((p) => ({ organisation: p.organisationId, role: p.role })) },
    });
    return listPartners(ctx, id, trx);
  });
}

/**
 * The people to contact for the mission: "whom do I call?" asked for each host country and each of
 * the mission's competences (or its title when it has none), with the same rules of visibility, so
 * a visitor sees fewer contacts than a co-ordinator. The partners' people come first.
 */
export async function proposedContacts(ctx: Context, id: string, lang?: string): Promise<ProposedContactsView> {
  const mission = await missionOf(ctx, id);
  const [{ countries, competences: all }, partners] = await Promise.all([
    q.selectQuestion(ctx.db, id),
    q.selectPartners(ctx.db, id),
  ]);
  const competences = all.slice(0, MAX_COMPETENCES);
  const topic = competences.length === 0 ? mission.title : null;
  const partnerIds = new Set(partners.map((p) => p.organisation_id));
  const questions = countries.flatMap(
    (country): Array<{ country: string; competence?: string; topic?: string }> =>
      competences.length > 0 ? competences.map((competence) => ({ country, competence })) : [{ country, topic: mission.title }],
  );
  const answers = await Promise.all(
    questions.map(async (question) => ({
      country: question.country,
      result: await whomToCall(ctx, { ...question, limit: 10, lang: lang as Lang | undefined }),
    })),
  );
  const best = new Map<string, ProposedContactsView['contacts'][number]>();
  for (const { country, result } of answers) {
    for (const r of result.results) {
      const seen = best.get(r.contact.id);
      if (seen && seen.score >= r.score) continue;
      best.set(r.contact.id, { ...r, country, partner: partnerIds.has(r.contact.organisation.id) });
    }
  }
  const contacts = [...best.values()]
    .sort((a, b) => Number(b.partner) - Number(a.partner) || b.score - a.score || a.contact.name.localeCompare(b.contact.name))
    .slice(0, 20)
    .map((c, i) => ({ ...c, rank: i + 1 }));
  return { countries, competences, topic, contacts };
}
