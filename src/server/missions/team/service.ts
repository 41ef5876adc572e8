import type { Kysely } from 'kysely';
import { assertAllowed } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import * as missions from '../lifecycle/queries.js';
import { getMission } from '../lifecycle/service.js';
import { teamAccounts, tellTeamChange } from '../notices.js';
import type { MissionView } from '../schemas.js';
import { composeTeam, requirementKey } from './compose.js';
import { loadPool } from './pool.js';
import * as q from './queries.js';
import { counts, violations } from './rules.js';
import type { AppraisalBody, ComposeBody, CompositionView, ConfirmTeamBody } from './schemas.js';
import { CEFR, cefrRank, DEFAULT_WEIGHTS, type Requirement, type TeamRequest } from './types.js';

export const missionDays = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

/** The optimiser's request for a mission, with the co-ordinator's pins, exclusions and weights. */
export function requestFor(mission: MissionView, body: ComposeBody = {}): TeamRequest {
  return {
    startsOn: mission.startsOn,
    endsOn: mission.endsOn,
    days: missionDays(mission.startsOn, mission.endsOn),
    hostCountries: mission.countries.map((c) => c.iso2),
    competences: mission.competences,
    languages: mission.languages.map((l) => ({ code: l.code, minLevel: cefrRank(l.minLevel), skill: l.skill })),
    teamMin: mission.teamMin,
    teamMax: mission.teamMax,
    allDimensions: mission.allDimensions,
    minOrganisations: mission.minOrganisations,
    requiredPrerequisites: mission.requiredPrerequisites,
    pinned: body.pinned ?? [],
    excluded: body.excluded ?? [],
    weights: { ...DEFAULT_WEIGHTS, ...body.weights },
  };
}

async function namesOf(db: Kysely<DB>) {
  const [competences, languages, organisations] = await Promise.all([
    db.selectFrom('competence').select(['code', 'name_en']).execute(),
    db.selectFrom('language').select(['code', 'name_en']).execute(),
    db.selectFrom('organisation').select(['id', 'name_en', 'acronym', 'code']).execute(),
  ]);
  const c = new Map(competences.map((r) => [r.code, r.name_en]));
  const l = new Map(languages.map((r) => [r.code, r.name_en]));
  const o = new Map(organisations.map((r) => [r.id, r.acronym ?? r.code ?? r.name_en]));
  return { competence: (code: string) => c.get(code) ?? code, language: (code: string) => l.get(code) ?? code, organisation: o };
}

function label(r: Requirement, names: Awaited<ReturnType<typeof namesOf>>): string {
  switch (r.kind) {
    case 'competence':
      return `${names.competence(r.code)} (level ${r.minLevel}+, ${r.count})`;
    case 'language':
      return `${names.language(r.code)} ${r.skill} ${CEFR[r.minLevel - 1]}+`;
    case 'dimension':
      return `${r.code.replaceAll('_', ' ')} dimension`;
    case 'organisations':
      return `${r.count} structures`;
    case 'team_min':
      return `at least ${r.count} members`;
    case 'pinned':
      return 'pinned expert';
  }
}

/** Proposes the best team for an approved (or proposed) mission, or explains why none exists. */
export async function composeMissionTeam(ctx: Context, id: string, body: ComposeBody): Promise<CompositionView> {
  assertAllowed(ctx.actor, 'mission.compose');
  const mission = await getMission(ctx, id);
  if (!['proposed', 'approved'].includes(mission.status)) {
    throw new Problem('conflict', 'A team is composed for a proposed or approved mission.');
  }
  const request = requestFor(mission, body);
  const pool = await loadPool(ctx.db, { from: mission.startsOn, to: mission.endsOn, ignoreMission: id });
  const names = await namesOf(ctx.db);
  const result = await composeTeam(pool, request, names);
  const byId = new Map(pool.map((e) => [e.id, e]));
  if (!result.feasible) {
    return {
      feasible: false,
      optimal: false,
      candidates: result.candidates,
      team: [],
      requirements: [],
      objective: null,
      weights: request.weights,
      diagnosis: result.diagnosis.map((d) => ({ ...d, requirement: { ...d.requirement } })),
    };
  }
  return {
    feasible: true,
    optimal: result.optimal,
    candidates: result.candidates,
    team: result.team.map((m) => {
      const e = byId.get(m.expertId)!;
      return { ...m, organisation: names.organisation.get(e.organisationId) ?? '', gender: e.gender };
    }),
    requirements: result.requirements.map((r) => ({
      ...r,
      label: label(r.requirement, names),
      requirement: { ...r.requirement },
    })),
    objective: result.objective,
    weights: request.weights,
    diagnosis: [],
  };
}

/**
 * Confirms the team and books its members, in one transaction. The experts' rows are locked
 * first, so a second confirmation that wants the same expert waits, then sees the booking and
 * is refused: an expert cannot be double-booked.
 */
export async function confirmTeam(ctx: Context, id: string, body: ConfirmTeamBody): Promise<MissionView> {
  assertAllowed(ctx.actor, 'mission.compose');
  return inTransaction(ctx.db, async (trx) => {
    const row = await missions.lockMission(trx, id);
    if (!row) throw new Problem('not_found', 'There is no such mission.');
    if (row.status !== 'approved') {
      throw new Problem('conflict', 'Only an approved mission can have its team confirmed.');
    }
    const locked = await q.lockExperts(trx, body.expertIds);
    if (locked.length !== body.expertIds.length)
      throw new Problem('unknown_reference', 'One of the experts is not on the roster.');
    const clashes = await q.overlappingDeployments(trx, body.expertIds, row.starts_on, row.ends_on, id);
    if (clashes.length > 0) {
      const list = clashes.map((c) => `${c.name} (${c.title}, ${c.starts_on} to ${c.ends_on})`).join('; ');
      throw new Problem('conflict', `Already deployed in this period: ${list}.`);
    }
    const mission = await getMission(ctx, id, trx);
    const request = requestFor(mission);
    const pool = await loadPool(trx, { from: row.starts_on, to: row.ends_on, ignoreMission: id });
    const team = body.expertIds.map((e) => pool.find((p) => p.id === e)!);
    const broken = violations(team, request);
    if (broken.length > 0)
      throw new Problem('conflict', `This team does not meet the mission’s requirements: ${broken.join('; ')}.`);
    const before = await teamAccounts(trx, id);
    await missions.deleteMissionDeployments(trx, id);
    await q.insertDeployments(
      trx,
      team.map((e) => ({
        expert_id: e.id,
        mission_id: id,
        title: `${row.code} ${row.title}`,
        starts_on: row.starts_on,
        ends_on: row.ends_on,
        covers: JSON.stringify(
          [
            ...request.competences.map((c) => ({ kind: 'competence' as const, ...c })),
            ...request.languages.map((l) => ({ kind: 'language' as const, ...l })),
          ]
            .filter((r) => counts(e, r))
            .map(requirementKey),
        ),
      })),
    );
    await missions.setStatus(trx, id, 'team_confirmed');
    await missions.insertTransition(trx, {
      mission_id: id,
      from_status: 'approved',
      to_status: 'team_confirmed',
      actor_id: ctx.actor?.userId ?? null,
      note: body.note ?? '',
    });
    await audit(trx, ctx, { verb: 'mission.compose', recordType: 'mission', recordId: id, details: { experts: body.expertIds } });
    await tellTeamChange(trx, row, before, await teamAccounts(trx, id), ctx.actor?.userId);
    return getMission(ctx, id, trx);
  });
}

/** Records the appraisal of a member's work once the mission has been deployed; it joins the expert's history. */
export async function appraiseMember(ctx: Context, id: string, expertId: string, body: AppraisalBody): Promise<MissionView> {
  assertAllowed(ctx.actor, 'mission.manage');
  return inTransaction(ctx.db, async (trx) => {
    const row = await missions.lockMission(trx, id);
    if (!row) throw new Problem('not_found', 'There is no such mission.');
    if (!['deployed', 'reporting', 'closed'].includes(row.status)) {
      throw new Problem('conflict', 'Members are appraised once the mission has been deployed.');
    }
    const result = await q.updateAppraisal(trx, id, expertId, body.appraisal, body.rating ?? null);
    if (Number(result.numUpdatedRows) === 0) throw new Problem('not_found', 'This expert is not on the mission’s team.');
    await audit(trx, ctx, {
      verb: 'mission.manage',
      recordType: 'deployment',
      recordId: `${id}/${expertId}`,
      details: { appraisal: true },
    });
    return getMission(ctx, id, trx);
  });
}
