import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { PartnerRole } from '../tables.js';

/** The partners on the ground of some demonstration missions, by mission code and organisation code. */
const PARTNERS: Array<[mission: string, organisation: string, role: PartnerRole, note: string]> = [
  ['RFFM-2016-01', 'UNHCR', 'joint_visit', 'Visits Idomeni with the team and shares its protection monitoring.'],
  ['RFFM-2016-01', 'IOM', 'data', 'Shares its displacement tracking figures for the border crossings.'],
  ['RFFM-2016-02', 'IOM', 'briefing', 'Briefs the team on trafficking indicators at the landing points.'],
  ['RFFM-2022-01', 'UNHCR', 'joint_visit', 'Visits the border reception points with the team.'],
  ['RFFM-2022-01', 'ICRC', 'briefing', 'Briefs the team on restoring family links.'],
];

/** Adds the demonstration partners to the missions that exist; missions that already have partners keep them. */
export async function seedPartnersDemo(db: Kysely<DB>): Promise<void> {
  const missions = new Map((await db.selectFrom('mission').select(['id', 'code']).execute()).map((m) => [m.code, m.id]));
  const orgs = await db.selectFrom('organisation').select(['id', 'code']).where('code', 'is not', null).execute();
  const orgIds = new Map(orgs.map((o) => [o.code!, o.id]));
  const rows = PARTNERS.flatMap(([mission, organisation, role, note]) => {
    const missionId = missions.get(mission);
    const organisationId = orgIds.get(organisation);
    return missionId && organisationId ? [{ mission_id: missionId, organisation_id: organisationId, role, note }] : [];
  });
  if (rows.length === 0) return;
  await db
    .insertInto('mission_partner')
    .values(rows)
    .onConflict((oc) => oc.columns(['mission_id', 'organisation_id']).doNothing())
    .execute();
}
