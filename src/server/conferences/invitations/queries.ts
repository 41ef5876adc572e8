import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Language } from '../../notifications/catalogue.js';
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

/**
 * The languages the accounts of an invitee chose: the delegates of a State, or those who hold a grant
 * in an organisation; enabled accounts only, the most frequent first.
 */
export async function selectInviteeLanguages(
  db: Kysely<DB>,
  invitee: { state: string } | { organisationId: string },
): Promise<string[]> {
  let query = db
    .selectFrom('role_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .select(['u.language', (eb) => eb.fn.count<string>('u.id').distinct().as('n')])
    .where('u.disabled_at', 'is', null);
  query =
    'state' in invitee
      ? query.where('g.role', '=', 'delegation').where('g.country_iso2', '=', invitee.state)
      : query.where('g.scope_type', '=', 'organisation').where('g.organisation_id', '=', invitee.organisationId);
  const rows = await query.groupBy('u.language').execute();
  return rows.sort((a, b) => Number(b.n) - Number(a.n) || a.language.localeCompare(b.language)).map((r) => r.language);
}

/** An organisation's name in a language, English where it has none in it: a letter's addressee or organiser. */
export async function organisationName(db: Kysely<DB>, id: string, language: Language): Promise<string> {
  const row = await db
    .selectFrom('organisation')
    .select(['name_en', 'name_fr', 'name_de', 'name_it', 'name_ru', 'name_es'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row[`name_${language}`] || row.name_en;
}
