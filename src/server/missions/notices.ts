import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { notify } from '../notifications/notify.js';

/** What the notices call a mission: its code and title. */
interface MissionName {
  id: string;
  code: string;
  title: string;
  created_by: string | null;
}

const linkOf = (mission: MissionName) => `/missions/${mission.id}`;
const paramsOf = (mission: MissionName) => ({ mission: `${mission.code} ${mission.title}` });

/** The accounts of the experts on a mission's team (an expert without an account is told by other means). */
export async function teamAccounts(db: Kysely<DB>, missionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('deployment as d')
    .innerJoin('expert as e', 'e.id', 'd.expert_id')
    .select('e.user_id')
    .where('d.mission_id', '=', missionId)
    .where('e.user_id', 'is not', null)
    .execute();
  return rows.map((row) => row.user_id as string);
}

/** Tells the experts who joined a team that they were booked, and those who left it that they were released. */
export async function tellTeamChange(trx: Kysely<DB>, mission: MissionName, before: string[], after: string[], actorId?: string) {
  const booked = after.filter((id) => !before.includes(id));
  const released = before.filter((id) => !after.includes(id));
  if (booked.length > 0) {
    await notify(trx, {
      kind: 'mission.booked',
      to: { users: booked },
      params: paramsOf(mission),
      link: linkOf(mission),
      except: actorId,
    });
  }
  if (released.length > 0) {
    await notify(trx, {
      kind: 'mission.released',
      to: { users: released },
      params: paramsOf(mission),
      link: linkOf(mission),
      except: actorId,
    });
  }
}

/** Tells of a mission's approval (its drafter) and deployment (its team). */
export async function tellMissionMoved(trx: Kysely<DB>, mission: MissionName, to: string, actorId?: string) {
  const common = { params: paramsOf(mission), link: linkOf(mission), except: actorId };
  if (to === 'approved') await notify(trx, { kind: 'mission.approved', to: { users: [mission.created_by] }, ...common });
  if (to === 'deployed')
    await notify(trx, { kind: 'mission.deployed', to: { users: await teamAccounts(trx, mission.id) }, ...common });
}

/** Tells the drafter and the team that the host State consented. */
export async function tellConsentGiven(trx: Kysely<DB>, mission: MissionName, actorId?: string) {
  await notify(trx, {
    kind: 'mission.consent_given',
    to: { users: [mission.created_by, ...(await teamAccounts(trx, mission.id))] },
    params: paramsOf(mission),
    link: linkOf(mission),
    except: actorId,
  });
}
