import { holds } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { teamAccounts, tellConsentGiven, tellMissionMoved, tellTeamChange } from '../notices.js';
import type { MissionSummary, MissionView } from '../schemas.js';
import { nextMoves, refusal } from './lifecycle.js';
import * as q from './queries.js';
import type { CreateMissionBody, MissionQuery, TransitionBody, UpdateMissionBody } from './schemas.js';

type Lists = Awaited<ReturnType<typeof q.selectMissionLists>>;

const num = (v: string | null) => (v === null ? null : Number(v));

function summary(row: q.MissionRow, lists: Lists): MissionSummary {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    status: row.status,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    countries: lists.countries
      .filter((c) => c.mission_id === row.id)
      .map((c) => ({
        iso2: c.country_iso2,
        name: c.name_en,
        latitude: num(c.capital_latitude),
        longitude: num(c.capital_longitude),
      })),
    consentStatus: row.consent_status,
    teamSize: lists.team.filter((m) => m.mission_id === row.id).length,
  };
}

function actionsOf(ctx: Context, row: q.MissionRow): string[] {
  const actions = nextMoves(row.status)
    .filter((move) => !move.byTeam && holds(ctx.actor, move.verb))
    .map((move) => move.to as string);
  if (['draft', 'proposed', 'approved'].includes(row.status) && holds(ctx.actor, 'mission.edit')) actions.push('edit');
  if (!['closed', 'cancelled'].includes(row.status) && holds(ctx.actor, 'mission.edit')) actions.push('consent');
  if (row.status === 'approved' && holds(ctx.actor, 'mission.compose')) actions.push('compose');
  if (['deployed', 'reporting', 'closed'].includes(row.status) && holds(ctx.actor, 'mission.manage')) actions.push('appraise');
  return actions;
}

function present(ctx: Context, row: q.MissionRow, lists: Lists): MissionView {
  return {
    ...summary(row, lists),
    termsOfReference: row.terms_of_reference,
    mandateReference: row.mandate_reference,
    mandateDate: row.mandate_date,
    consentDate: row.consent_date,
    consentDocument: row.consent_document,
    competences: lists.competences
      .filter((c) => c.mission_id === row.id)
      .map((c) => ({ code: c.competence_code, minLevel: c.min_level, count: c.count })),
    languages: lists.languages
      .filter((l) => l.mission_id === row.id)
      .map((l) => ({ code: l.language_code, minLevel: l.min_level as 'A1', skill: l.skill })),
    teamMin: row.team_min,
    teamMax: row.team_max,
    allDimensions: row.all_dimensions,
    minOrganisations: row.min_organisations,
    requiredPrerequisites: row.required_prerequisites,
    team: lists.team
      .filter((m) => m.mission_id === row.id)
      .map((m) => ({ expertId: m.expert_id, name: m.name, covers: m.covers })),
    transitions: lists.transitions
      .filter((t) => t.mission_id === row.id)
      .map((t) => ({
        from: t.from_status as MissionView['status'] | null,
        to: t.to_status as MissionView['status'],
        by: t.actor_name,
        at: new Date(t.at).toISOString(),
        note: t.note,
      })),
    actions: actionsOf(ctx, row),
  };
}

/** Missions with their host countries, newest first. */
export async function listMissions(ctx: Context, query: MissionQuery): Promise<MissionSummary[]> {
  const rows = await q.selectMissions(ctx.db, query);
  const lists = await q.selectMissionLists(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => summary(row, lists));
}

/** One mission with its mandate, consent, requirements, team and history. */
export async function getMission(ctx: Context, id: string, db = ctx.db): Promise<MissionView> {
  const [row] = await q.selectMissions(db, { ids: [id] });
  if (!row) throw new Problem('not_found', 'There is no such mission.');
  return present(ctx, row, await q.selectMissionLists(db, [id]));
}

/** Refuses dates or team bounds the wrong way round, naming the field to correct. */
function checkDates(startsOn: string, endsOn: string, teamMin: number, teamMax: number) {
  const refuse = (pointer: string, message: string) => {
    throw new Problem('validation', message, { errors: [{ pointer, message }] });
  };
  if (endsOn < startsOn) refuse('/endsOn', `The mission cannot end (${endsOn}) before it starts (${startsOn}).`);
  if (teamMax < teamMin) refuse('/teamMax', `The largest team (${teamMax}) is smaller than the smallest (${teamMin}).`);
}

/** Drafts a mission; the drafter's first transition is recorded. */
export async function createMission(ctx: Context, input: CreateMissionBody): Promise<MissionView> {
  const teamMin = input.teamMin ?? 2;
  const teamMax = input.teamMax ?? Math.max(teamMin, 5);
  checkDates(input.startsOn, input.endsOn, teamMin, teamMax);
  return inTransaction(ctx.db, async (trx) => {
    const { id } = await q.insertMission(trx, {
      code: input.code,
      title: input.title.trim(),
      terms_of_reference: input.termsOfReference ?? '',
      mandate_reference: input.mandateReference ?? null,
      mandate_date: input.mandateDate ?? null,
      consent_status: input.consentStatus ?? 'not_requested',
      consent_date: input.consentDate ?? null,
      consent_document: input.consentDocument ?? null,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      team_min: teamMin,
      team_max: teamMax,
      all_dimensions: input.allDimensions ?? false,
      min_organisations: input.minOrganisations ?? 1,
      required_prerequisites: input.requiredPrerequisites ?? [],
      created_by: ctx.actor?.userId ?? null,
    });
    await q.replaceMissionLists(trx, id, input);
    await q.insertTransition(trx, {
      mission_id: id,
      from_status: null,
      to_status: 'draft',
      actor_id: ctx.actor?.userId ?? null,
      note: '',
    });
    await audit(trx, ctx, { verb: 'mission.create', recordType: 'mission', recordId: id, details: { code: input.code } });
    return getMission(ctx, id, trx);
  });
}

/** Edits a mission before its team is confirmed; consent can be recorded at any time before closing. */
export async function updateMission(ctx: Context, id: string, input: UpdateMissionBody): Promise<MissionView> {
  return inTransaction(ctx.db, async (trx) => {
    const row = await q.lockMission(trx, id);
    if (!row) throw new Problem('not_found', 'There is no such mission.');
    const consentOnly = Object.keys(input).every((k) => k.startsWith('consent'));
    if (!consentOnly && !['draft', 'proposed', 'approved'].includes(row.status)) {
      throw new Problem('conflict', 'Only the consent of a mission can change once its team is confirmed.');
    }
    checkDates(
      input.startsOn ?? row.starts_on,
      input.endsOn ?? row.ends_on,
      input.teamMin ?? row.team_min,
      input.teamMax ?? row.team_max,
    );
    const columns: Record<string, unknown> = {};
    const map: Record<string, string> = {
      code: 'code',
      title: 'title',
      termsOfReference: 'terms_of_reference',
      mandateReference: 'mandate_reference',
      mandateDate: 'mandate_date',
      consentStatus: 'consent_status',
      consentDate: 'consent_date',
      consentDocument: 'consent_document',
      startsOn: 'starts_on',
      endsOn: 'ends_on',
      teamMin: 'team_min',
      teamMax: 'team_max',
      allDimensions: 'all_dimensions',
      minOrganisations: 'min_organisations',
      requiredPrerequisites: 'required_prerequisites',
    };
    for (const [field, column] of Object.entries(map)) {
      const value = (input as Record<string, unknown>)[field];
      if (value !== undefined) columns[column] = value;
    }
    if (Object.keys(columns).length > 0) await q.updateMission(trx, id, columns);
    await q.replaceMissionLists(trx, id, input);
    await audit(trx, ctx, { verb: 'mission.edit', recordType: 'mission', recordId: id, details: { fields: Object.keys(input) } });
    if (input.consentStatus === 'given' && row.consent_status !== 'given') {
      await tellConsentGiven(trx, { ...row, code: input.code ?? row.code, title: input.title ?? row.title }, ctx.actor?.userId);
    }
    return getMission(ctx, id, trx);
  });
}

/** Moves a mission along its lifecycle, refusing invalid moves with the reason; the move is recorded. */
export async function transitionMission(ctx: Context, id: string, input: TransitionBody): Promise<MissionView> {
  return inTransaction(ctx.db, async (trx) => {
    const row = await q.lockMission(trx, id);
    if (!row) throw new Problem('not_found', 'There is no such mission.');
    const reason = refusal(row.status, input.to, row.consent_status);
    if (reason) throw new Problem('conflict', reason);
    const move = nextMoves(row.status).find((m) => m.to === input.to)!;
    if (!holds(ctx.actor, move.verb)) throw new Problem('forbidden');
    await q.setStatus(trx, id, input.to);
    // A cancelled mission releases its experts.
    const released = input.to === 'cancelled' ? await teamAccounts(trx, id) : [];
    if (input.to === 'cancelled') await q.deleteMissionDeployments(trx, id);
    await q.insertTransition(trx, {
      mission_id: id,
      from_status: row.status,
      to_status: input.to,
      actor_id: ctx.actor?.userId ?? null,
      note: input.note ?? '',
    });
    await audit(trx, ctx, { verb: move.verb, recordType: 'mission', recordId: id, details: { from: row.status, to: input.to } });
    await tellMissionMoved(trx, row, input.to, ctx.actor?.userId);
    await tellTeamChange(trx, row, released, [], ctx.actor?.userId);
    return getMission(ctx, id, trx);
  });
}
