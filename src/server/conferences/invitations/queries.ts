import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Invitation } from '../tables.js';

/** Every country with the facts the invitation groups are made of, its roles in the flows among them. */
export async function selectCountryFacts(db: Kysely<DB>) {
  const [rows, roles] = await Promise.all([
    db
      .selectFrom('country')
      .select(['iso2', 'name_en', 'osce_status', 'partner_group', 'subregion', 'field_operation', 'east_of_vienna'])
      .orderBy('name_en')
      .execute(),
    db
      .selectFrom('country_flow_role')
      .select(['country_iso2', 'year', 'origin', 'transit', 'destination'])
      .where((eb) => eb.or([eb('origin', '=', true), eb('transit', '=', true), eb('destination', '=', true)]))
      .execute(),
  ]);
  const flows = new Map<string, string[]>();
  for (const r of roles) {
    const list = flows.get(r.country_iso2) ?? [];
    for (const role of ['origin', 'transit', 'destination'] as const) if (r[role]) list.push(`${role}:${r.year}`);
    flows.set(r.country_iso2, list);
  }
  return rows.map((r) => ({
    iso2: r.iso2,
    name: r.name_en,
    osceStatus: r.osce_status,
    partnerGroup: r.partner_group,
    subregion: r.subregion,
    fieldOperation: r.field_operation,
    eastOfVienna: r.east_of_vienna,
    flows: flows.get(r.iso2) ?? [],
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
