import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import type { ReportContent } from '../schemas.js';
import type { ReportStatus } from '../tables.js';
import * as q from './queries.js';
import type { CreateReportBody, ReportSummary, ReportView } from './schemas.js';
import { mayRead, openActions, readOnlyReason, type Standing, standingOf } from './workflow.js';

/** An empty report, the first version of every new one. */
export function emptyContent(): ReportContent {
  return {
    situation: '',
    findings: { politico_military: '', economic_environmental: '', human: '' },
    keyAreaFindings: { solidarity: '', protection: '', trafficking: '', border_management: '', relocation_integration: '' },
    securityImplications: '',
    alert: { level: null, rationale: '', indicators: [] },
    recommendations: [],
  };
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function summary(row: q.ReportRow, content: ReportContent | undefined): ReportSummary {
  return {
    id: row.id,
    missionId: row.mission_id,
    missionCode: row.mission_code,
    missionTitle: row.mission_title,
    status: row.status,
    version: row.version,
    alertLevel: content?.alert.level ?? null,
    updatedAt: iso(row.updated_at)!,
    adoptedAt: iso(row.adopted_at),
    hasPublicSummary: row.public_summary !== null,
  };
}

/** The caller's standing towards each report, in one query for the whole set. */
async function standings(ctx: Context, db: q.Db, rows: readonly q.ReportRow[]): Promise<Map<string, Standing>> {
  const team = ctx.actor
    ? await q.selectTeamMissions(
        db,
        ctx.actor.userId,
        rows.map((r) => r.mission_id),
      )
    : new Set<string>();
  return new Map(rows.map((r) => [r.id, standingOf(ctx.actor, team.has(r.mission_id))]));
}

/** The reports the caller may read: their team's and, for readers, the distributed ones. */
export async function listReports(ctx: Context): Promise<ReportSummary[]> {
  const rows = await q.selectReports(ctx.db);
  const standing = await standings(ctx, ctx.db, rows);
  const visible = rows.filter((r) => mayRead(ctx.actor, r.status, standing.get(r.id)!));
  const contents = await q.selectCurrentContents(
    ctx.db,
    visible.map((r) => r.id),
  );
  return visible.map((r) => summary(r, contents.get(r.id)));
}

/** One report the caller may read, with its row and the caller's standing; 404 or 403 otherwise. */
export async function readableReport(ctx: Context, id: string, db: q.Db = ctx.db) {
  const [row] = await q.selectReports(db, { ids: [id] });
  if (!row) throw new Problem('not_found', 'There is no such report.');
  const standing = (await standings(ctx, db, [row])).get(id)!;
  if (!ctx.actor) throw new Problem('unauthenticated');
  if (!mayRead(ctx.actor, row.status, standing)) {
    throw new Problem('forbidden', 'This report is visible to its team and the co-ordinator until it is distributed.');
  }
  return { row, standing };
}

/** One report with its current version, its history of moves and what the caller may do. */
export async function getReport(ctx: Context, id: string, db: q.Db = ctx.db): Promise<ReportView> {
  const { row, standing } = await readableReport(ctx, id, db);
  const [contents, countries, transitions] = await Promise.all([
    q.selectCurrentContents(db, [id]),
    q.selectMissionCountries(db, [row.mission_id]),
    q.selectTransitions(db, id),
  ]);
  const content = contents.get(id)!;
  return {
    ...summary(row, content),
    mandateReference: row.mandate_reference,
    countries: countries.map((c) => c.country_iso2),
    content,
    publicSummary: row.public_summary,
    // Review comments are working material of the team and the co-ordinator.
    transitions: (standing.member || standing.reviewer ? transitions : []).map((t) => ({
      action: t.action,
      from: t.from_status as ReportStatus,
      to: t.to_status as ReportStatus,
      comment: t.comment,
      by: t.actor_name,
      at: iso(t.at)!,
    })),
    actions: openActions(row.status, standing, true),
    readOnly: readOnlyReason(row.status, standing),
  };
}

/** Opens the report of a mission; only its team or the co-ordinator may, once the team is confirmed. */
export async function createReport(ctx: Context, input: CreateReportBody): Promise<ReportView> {
  return inTransaction(ctx.db, async (trx) => {
    const mission = await q.selectMission(trx, input.missionId);
    if (!mission) throw new Problem('unknown_reference', 'There is no such mission.');
    const member = ctx.actor ? (await q.selectTeamMissions(trx, ctx.actor.userId, [mission.id])).has(mission.id) : false;
    if (!standingOf(ctx.actor, member).reviewer && !member) {
      throw new Problem('forbidden', 'Only the mission’s team or the co-ordinator may open its report.');
    }
    if (!['team_confirmed', 'deployed', 'reporting', 'closed'].includes(mission.status)) {
      throw new Problem('conflict', 'A report can be opened once the mission’s team is confirmed.');
    }
    const [existing] = await q.selectReports(trx, { missionId: mission.id });
    if (existing) throw new Problem('duplicate', 'This mission already has a report.');
    const id = await q.insertReport(trx, mission.id, ctx.actor?.userId ?? null, emptyContent());
    await audit(trx, ctx, {
      verb: 'report.create',
      recordType: 'mission_report',
      recordId: id,
      details: { mission: mission.code },
    });
    return getReport(ctx, id, trx);
  });
}
