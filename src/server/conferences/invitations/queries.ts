import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Invitation } from '../tables.js';

/** Every country with the facts the invitation groups are made of. */
export async function selectCountryFacts(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('country')
    .select(['iso2', 'name_en', 'osce_status', 'partner_group', 'subregion', 'field_operation', 'east_of_vienna'])
    .orderBy('name_en')
    .execute();
  return rows.map((r) => ({
    iso2: r.iso2,
    name: r.name_en,
    osceStatus: r.osce_status,
    partnerGroup: r.partner_group,
    subregion: r.subregion,
    fieldOperation: r.field_operation,
    eastOfVienna: r.east_of_vienna,
  }));
}

export function selectOrganisations(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('organisation').select(['id', 'name_en']).where('id', 'in', ids).orderBy('name_en').execute();
}

export function saveInvitation(db: Kysely<DB>, eventId: string, invitation: Invitation) {
  return db
    .updateTable('conference_event')
    .set((eb) => ({ invitation: JSON.stringify(invitation), invited_at: eb.fn<Date>('now', []) }))
    .where('id', '=', eventId)
    .execute();
}
