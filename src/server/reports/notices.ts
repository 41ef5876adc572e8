import { type Kysely, sql } from 'kysely';
import type { Context } from '../context.js';
import type { DB } from '../db/schema.js';
import { teamAccounts } from '../missions/notices.js';
import { notify } from '../notifications/notify.js';

/**
 * Tells a mission's team that its report was submitted, returned (with the co-ordinator's
 * comment) or adopted; a submission is also for the co-ordinators, who review it.
 */
export async function tellTeam(
  trx: Kysely<DB>,
  action: string,
  report: { id: string; mission: string; missionId: string },
  comment: string,
  ctx: Context,
) {
  const kind =
    action === 'submit'
      ? 'report.submitted'
      : action === 'return'
        ? 'report.returned'
        : action === 'adopt'
          ? 'report.adopted'
          : undefined;
  if (!kind) return;
  const team = await teamAccounts(trx, report.missionId);
  await notify(trx, {
    kind,
    to: { users: team, roles: kind === 'report.submitted' ? [{ role: 'coordinator' }] : [] },
    params: { mission: report.mission, ...(kind === 'report.returned' ? { comment } : {}) },
    link: `/reports/${report.id}`,
    except: ctx.actor?.userId,
  });
}

/**
 * Tells the focal points of each late recommendation's addressee organisation, once: a
 * recommendation is late when its due date has passed and no project has finished it.
 */
export async function tellLateRecommendations(trx: Kysely<DB>): Promise<number> {
  const late = await trx
    .selectFrom('recommendation as r')
    .innerJoin('mission_report as rep', 'rep.id', 'r.report_id')
    .innerJoin('mission as m', 'm.id', 'rep.mission_id')
    .select(['r.id', 'r.addressee_organisation_id', 'm.code', 'm.title'])
    .where('r.due_on', '<', sql<string>`current_date`)
    .where('r.addressee_organisation_id', 'is not', null)
    .where((eb) =>
      eb.or([
        eb.not(eb.exists(eb.selectFrom('follow_up_project as p').select('p.id').whereRef('p.recommendation_id', '=', 'r.id'))),
        eb.exists(
          eb
            .selectFrom('follow_up_project as p')
            .select('p.id')
            .whereRef('p.recommendation_id', '=', 'r.id')
            .where('p.status', 'in', ['not_started', 'in_progress']),
        ),
      ]),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('notification as n')
            .select('n.id')
            .where('n.kind', '=', 'follow_up.recommendation_late')
            .whereRef('n.link', '=', sql<string>`'/recommendations/' || r.id`),
        ),
      ),
    )
    .orderBy('r.due_on')
    .execute();
  let told = 0;
  for (const r of late) {
    told += await notify(trx, {
      kind: 'follow_up.recommendation_late',
      to: { roles: [{ role: 'focal_point', organisation: r.addressee_organisation_id }] },
      params: { mission: `${r.code} ${r.title}` },
      link: `/recommendations/${r.id}`,
    });
  }
  return told;
}
