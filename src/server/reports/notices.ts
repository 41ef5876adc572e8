import type { Kysely } from 'kysely';
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
