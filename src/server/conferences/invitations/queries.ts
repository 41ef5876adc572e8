import { type Kysely, type RawBuilder, sql } from 'kysely';
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

type Lang = Language;

/** An organisation's name in a language, by its columns' aliases, English where it has none in it. */
const localName = (row: Record<string, string | null>, prefix: string, lang: Lang) =>
  row[`${prefix}_${lang}`] || row[`${prefix}_en`] || null;

const ORGANISATION_NAMES = ['name_en', 'name_fr', 'name_de', 'name_it', 'name_ru', 'name_es'] as const;

/**
 * People a name's words find: enabled accounts, with the organisation or State of their first grant,
 * and the directory's contacts the viewer's condition lets through, with their organisation.
 */
export async function searchPeople(db: Kysely<DB>, words: string, contactsVisible: RawBuilder<boolean>, lang: Lang, limit = 10) {
  const like = `%${words.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const [accounts, contacts] = await Promise.all([
    db
      .selectFrom('app_user as u')
      .select(['u.id', 'u.name'])
      .where('u.disabled_at', 'is', null)
      .where('u.name', 'ilike', like)
      .orderBy('u.name')
      .orderBy('u.id')
      .limit(limit)
      .execute(),
    db
      .selectFrom('directory_contact as c')
      .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
      .select(['c.id', 'c.name', ...ORGANISATION_NAMES.map((n) => `o.${n}` as const)])
      .where('c.name', 'ilike', like)
      .where(contactsVisible)
      .orderBy('c.name')
      .orderBy('c.id')
      .limit(limit)
      .execute(),
  ]);
  const affiliations = await accountAffiliations(
    db,
    accounts.map((a) => a.id),
    lang,
  );
  return [
    ...accounts.map((a) => ({ userId: a.id, contactId: null, name: a.name, ...affiliation(affiliations, a.id) })),
    ...contacts.map((c) => ({
      userId: null,
      contactId: c.id,
      name: c.name,
      organisation: localName(c, 'name', lang),
      countryIso2: null,
    })),
  ];
}

const affiliation = (map: Map<string, { organisation: string | null; countryIso2: string | null }>, id: string) =>
  map.get(id) ?? { organisation: null, countryIso2: null };

/** The organisation (or, for a delegate, the State) each account acts for: its first grant that names one. */
async function accountAffiliations(db: Kysely<DB>, userIds: readonly string[], lang: Lang) {
  const map = new Map<string, { organisation: string | null; countryIso2: string | null }>();
  if (userIds.length === 0) return map;
  const rows = await db
    .selectFrom('role_grant as g')
    .leftJoin('organisation as o', 'o.id', 'g.organisation_id')
    .select(['g.user_id', 'g.country_iso2', ...ORGANISATION_NAMES.map((n) => `o.${n}` as const)])
    .where('g.user_id', 'in', userIds)
    .where((eb) => eb.or([eb('g.organisation_id', 'is not', null), eb('g.country_iso2', 'is not', null)]))
    .orderBy('g.created_at')
    .orderBy('g.id')
    .execute();
  for (const r of rows) {
    if (map.has(r.user_id)) continue;
    map.set(r.user_id, {
      organisation: localName(r as Record<string, string | null>, 'name', lang),
      countryIso2: r.country_iso2,
    });
  }
  return map;
}

/** The accounts among these that exist and are enabled; the contacts among these the viewer's condition lets through. */
export async function existingPeople(
  db: Kysely<DB>,
  userIds: readonly string[],
  contactIds: readonly string[],
  contactsVisible: RawBuilder<boolean>,
) {
  const [users, contacts] = await Promise.all([
    userIds.length
      ? db.selectFrom('app_user').select('id').where('id', 'in', userIds).where('disabled_at', 'is', null).execute()
      : [],
    contactIds.length
      ? db.selectFrom('directory_contact as c').select('c.id').where('c.id', 'in', contactIds).where(contactsVisible).execute()
      : [],
  ]);
  return { users: users.map((u) => u.id), contacts: contacts.map((c) => c.id) };
}

/** Replaces the people an event invites by name; returns those who were not invited before. */
export async function replaceInvitedPeople(
  db: Kysely<DB>,
  eventId: string,
  people: { userIds: readonly string[]; contactIds: readonly string[] },
  actorId: string | null,
) {
  const before = await db
    .selectFrom('conference_invited_person')
    .select(['user_id', 'contact_id'])
    .where('event_id', '=', eventId)
    .execute();
  const hadUser = new Set(before.map((r) => r.user_id));
  const hadContact = new Set(before.map((r) => r.contact_id));
  await db
    .deleteFrom('conference_invited_person')
    .where('event_id', '=', eventId)
    .where((eb) =>
      eb.and([
        people.userIds.length ? eb.or([eb('user_id', 'is', null), eb('user_id', 'not in', people.userIds)]) : eb.lit(true),
        people.contactIds.length
          ? eb.or([eb('contact_id', 'is', null), eb('contact_id', 'not in', people.contactIds)])
          : eb.lit(true),
      ]),
    )
    .execute();
  const added = {
    userIds: people.userIds.filter((id) => !hadUser.has(id)),
    contactIds: people.contactIds.filter((id) => !hadContact.has(id)),
  };
  const rows = [
    ...added.userIds.map((user_id) => ({ event_id: eventId, user_id, contact_id: null, created_by: actorId })),
    ...added.contactIds.map((contact_id) => ({ event_id: eventId, user_id: null, contact_id, created_by: actorId })),
  ];
  if (rows.length) await db.insertInto('conference_invited_person').values(rows).execute();
  return added;
}

/**
 * The people an event invites by name, with their names and organisations; a contact's account is
 * the enabled account whose address is one of the contact's.
 */
export async function selectInvitedPeople(db: Kysely<DB>, eventId: string, lang: Lang) {
  const rows = await db
    .selectFrom('conference_invited_person as p')
    .leftJoin('app_user as u', 'u.id', 'p.user_id')
    .leftJoin('directory_contact as c', 'c.id', 'p.contact_id')
    .leftJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select([
      'p.id',
      'p.user_id',
      'p.contact_id',
      'u.name as user_name',
      'c.name as contact_name',
      'c.organisation_id',
      ...ORGANISATION_NAMES.map((n) => `o.${n}` as const),
    ])
    .where('p.event_id', '=', eventId)
    .execute();
  const affiliations = await accountAffiliations(
    db,
    rows.flatMap((r) => (r.user_id ? [r.user_id] : [])),
    lang,
  );
  return rows
    .map((r) => ({
      id: r.id,
      userId: r.user_id,
      contactId: r.contact_id,
      contactOrganisationId: r.organisation_id,
      name: r.user_name ?? r.contact_name ?? '',
      ...(r.user_id
        ? affiliation(affiliations, r.user_id)
        : { organisation: localName(r as Record<string, string | null>, 'name', lang), countryIso2: null }),
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
export type InvitedPersonRow = Awaited<ReturnType<typeof selectInvitedPeople>>[number];

/** The enabled accounts that are this contact: those whose address is one of the contact's. */
export async function contactAccounts(db: Kysely<DB>, contactId: string) {
  return db
    .selectFrom('directory_contact as c')
    .innerJoin('app_user as u', (join) => join.on(sql<boolean>`lower(u.email) = any(c.emails)`))
    .select(['u.id', 'u.language'])
    .where('c.id', '=', contactId)
    .where('u.disabled_at', 'is', null)
    .orderBy('u.created_at')
    .execute();
}

/** The invitations by name that are this account's: as an account, or as a contact with its address. */
export async function ownInvitations(db: Kysely<DB>, eventId: string, userId: string) {
  const rows = await db
    .selectFrom('conference_invited_person as p')
    .leftJoin('directory_contact as c', 'c.id', 'p.contact_id')
    .select('p.id')
    .where('p.event_id', '=', eventId)
    .where((eb) =>
      eb.or([
        eb('p.user_id', '=', userId),
        eb.exists(
          eb
            .selectFrom('app_user as u')
            .select('u.id')
            .where('u.id', '=', userId)
            .where(sql<boolean>`lower(u.email) = any(c.emails)`),
        ),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

/** An account's chosen language. */
export async function accountLanguage(db: Kysely<DB>, userId: string): Promise<string | null> {
  const row = await db.selectFrom('app_user').select('language').where('id', '=', userId).executeTakeFirst();
  return row?.language ?? null;
}
