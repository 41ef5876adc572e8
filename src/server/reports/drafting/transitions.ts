import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { recordFeed } from '../../warning/feed.js';
import { tellTeam } from '../notices.js';
import * as q from './queries.js';
import { sanitiseHtml } from './sanitise.js';
import type { PublicSummaryBody, PublicSummaryView, ReportView, TransitionBody } from './schemas.js';
import { getReport, readableReport } from './service.js';
import { ALERT_VALUES, monthOf, refusal, WORKFLOW } from './workflow.js';

const VERBS = {
  submit: 'report.submit',
  return: 'report.return',
  adopt: 'report.adopt',
  distribute: 'report.distribute',
} as const;

/**
 * Moves a report along its workflow: the team submits; the co-ordinator returns it with a comment,
 * adopts it or distributes it. The wrong person is answered 403, the wrong state 409. Adoption
 * turns the recommendations into tracked records and feeds the alert level to early warning for
 * every host country of the mission, in the same transaction.
 */
export async function transitionReport(ctx: Context, id: string, input: TransitionBody): Promise<ReportView> {
  const comment = (input.comment ?? '').trim();
  return inTransaction(ctx.db, async (trx) => {
    const { row, standing } = await readableReport(ctx, id, trx);
    const locked = (await q.lockReport(trx, id))!;
    const refused = refusal(input.action, locked.status, standing);
    if (refused === 'forbidden') throw new Problem('forbidden');
    if (refused === 'conflict') throw new Problem('conflict', `A ${locked.status} report cannot be sent to ${input.action}.`);
    if (input.action === 'return' && !comment) {
      throw new Problem('validation', 'Say what the team should change when returning a report.', {
        errors: [{ pointer: '/comment', message: 'A comment is required.' }],
      });
    }
    const content = (await q.selectCurrentContents(trx, [id])).get(id)!;
    if (input.action === 'submit' && !content.alert.level) {
      throw new Problem('conflict', 'Choose an early-warning alert level before submitting the report.');
    }
    const to = WORKFLOW[input.action].to!;
    const now = new Date();
    await q.setStatus(
      trx,
      id,
      to,
      input.action === 'adopt' ? { adopted_at: now } : input.action === 'distribute' ? { distributed_at: now } : {},
    );
    await q.insertTransition(trx, {
      report_id: id,
      action: input.action,
      from_status: locked.status,
      to_status: to,
      comment,
      actor_id: ctx.actor?.userId ?? null,
    });
    if (input.action === 'adopt') {
      await q.insertRecommendations(trx, id, content.recommendations);
      const countries = await q.selectMissionCountries(trx, [row.mission_id]);
      await recordFeed(trx, {
        indicatorCode: 'mission_alert_level',
        source: `Crossroads mission report ${row.mission_code}`,
        actorId: ctx.actor?.userId ?? null,
        values: countries.map((c) => ({
          country: c.country_iso2,
          period: monthOf(now),
          value: ALERT_VALUES[content.alert.level!],
        })),
      });
    }
    await tellTeam(
      trx,
      input.action,
      { id, mission: `${row.mission_code} ${row.mission_title}`, missionId: row.mission_id },
      comment,
      ctx,
    );
    await audit(trx, ctx, {
      verb: VERBS[input.action],
      recordType: 'mission_report',
      recordId: id,
      details: { from: locked.status, to },
    });
    return getReport(ctx, id, trx);
  });
}

/** Sets or removes the public summary of a distributed report (co-ordinator only). */
export async function setPublicSummary(ctx: Context, id: string, input: PublicSummaryBody): Promise<ReportView> {
  return inTransaction(ctx.db, async (trx) => {
    const { standing } = await readableReport(ctx, id, trx);
    const locked = (await q.lockReport(trx, id))!;
    const refused = refusal('summarise', locked.status, standing);
    if (refused === 'forbidden') throw new Problem('forbidden');
    if (refused === 'conflict') throw new Problem('conflict', 'Only a distributed report has a public summary.');
    const summary = input.summary === null ? null : sanitiseHtml(input.summary);
    await q.setPublicSummary(trx, id, summary?.trim() ? summary : null);
    await audit(trx, ctx, {
      verb: 'report.summarise',
      recordType: 'mission_report',
      recordId: id,
      details: { public: summary !== null },
    });
    return getReport(ctx, id, trx);
  });
}

/** The public summaries of distributed reports, for everyone. */
export async function listPublicSummaries(ctx: Context): Promise<PublicSummaryView[]> {
  const rows = await q.selectPublicSummaries(ctx.db);
  const countries = await q.selectMissionCountries(
    ctx.db,
    rows.map((r) => r.mission_id),
  );
  return rows.map((r) => ({
    id: r.id,
    missionCode: r.code,
    missionTitle: r.title,
    countries: countries.filter((c) => c.mission_id === r.mission_id).map((c) => c.country_iso2),
    distributedAt: r.distributed_at ? new Date(r.distributed_at).toISOString() : null,
    summary: r.public_summary!,
  }));
}
