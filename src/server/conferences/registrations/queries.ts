import { type Insertable, type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ConferenceRegistrationTable, RegistrationStatus } from '../tables.js';

/**
 * Locks the event's row until the transaction ends: registrations and cancellations of one event
 * then run one after the other, so that the count of confirmed places is never read stale.
 */
export function lockEvent(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('conference_event')
    .select(['id', 'capacity', 'delegation_capacity'])
    .where('id', '=', eventId)
    .forUpdate()
    .executeTakeFirst();
}

/** Whom a registration comes with: its State's delegation, else its organisation (by name); null when neither. */
export interface Delegation {
  countryIso2: string | null;
  organisation: string;
}

/** Confirmed places taken: overall, and by the registration's delegation (its State, or else its organisation). */
export async function countConfirmed(db: Kysely<DB>, eventId: string, delegation: Delegation) {
  const same = delegation.countryIso2
    ? sql<boolean>`country_iso2 = ${delegation.countryIso2}`
    : sql<boolean>`country_iso2 is null and lower(trim(organisation_name)) = lower(trim(${delegation.organisation}))`;
  const row = await db
    .selectFrom('conference_registration')
    .select((eb) => [eb.fn.countAll<string>().as('all'), eb.fn.count<string>('id').filterWhere(same).as('delegation')])
    .where('event_id', '=', eventId)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  return { all: Number(row.all), delegation: Number(row.delegation) };
}

/** Whether the person holds a registration for the event that is not cancelled. */
/**
 * Whether the event has a registration in one of `statuses` made by a person (`userId`) or held
 * by a ticket (`token`).
 */
export async function holdsRegistration(
  db: Kysely<DB>,
  eventId: string,
  holder: { userId: string } | { token: string },
  statuses: readonly RegistrationStatus[],
): Promise<boolean> {
  const [column, value] = 'userId' in holder ? (['user_id', holder.userId] as const) : (['token', holder.token] as const);
  const row = await db
    .selectFrom('conference_registration')
    .select('id')
    .where('event_id', '=', eventId)
    .where('status', 'in', statuses)
    .where(column, '=', value)
    .executeTakeFirst();
  return row !== undefined;
}

export function insertRegistration(db: Kysely<DB>, values: Insertable<ConferenceRegistrationTable>) {
  return db.insertInto('conference_registration').values(values).returning('id').executeTakeFirstOrThrow();
}

export function selectByToken(db: Kysely<DB>, token: string) {
  return db
    .selectFrom('conference_registration as r')
    .innerJoin('conference_event as e', 'e.id', 'r.event_id')
    .leftJoin('organisation as o', 'o.id', 'r.organisation_id')
    .select([
      'r.id',
      'r.event_id',
      'r.name',
      'r.status',
      'r.token',
      'r.country_iso2',
      'r.organisation_name',
      'o.name_en as organisation_directory_name',
      'r.checked_in_at',
      'r.created_at',
      'e.organiser_id',
      'e.title as event_title',
      'e.starts_at',
      'e.time_zone',
      'e.venue',
      'e.online_url',
    ])
    .where('r.token', '=', token)
    .executeTakeFirst();
}

/** The place of a waiting registration in its event's queue, from 1 (compared in the database, to the microsecond). */
export async function waitingPosition(db: Kysely<DB>, eventId: string, id: string) {
  const row = await db
    .selectFrom('conference_registration')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'waiting')
    .where(sql<boolean>`(created_at, id) <= (select r.created_at, r.id from conference_registration r where r.id = ${id})`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function setStatus(db: Kysely<DB>, id: string, status: 'confirmed' | 'cancelled') {
  return db.updateTable('conference_registration').set({ status }).where('id', '=', id).execute();
}

/** The waiting registrations of an event, first come first. */
export function selectWaiting(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('conference_registration')
    .select(['id', 'country_iso2', 'organisation_name'])
    .where('event_id', '=', eventId)
    .where('status', '=', 'waiting')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Marks a confirmed registration as checked in, once: the second scan changes nothing. */
export function markCheckedIn(db: Kysely<DB>, id: string) {
  return db
    .updateTable('conference_registration')
    .set((eb) => ({ checked_in_at: eb.fn<Date>('now', []) }))
    .where('id', '=', id)
    .where('status', '=', 'confirmed')
    .where('checked_in_at', 'is', null)
    .returning('checked_in_at')
    .executeTakeFirst();
}

export function countryExists(db: Kysely<DB>, iso2: string) {
  return db.selectFrom('country').select('iso2').where('iso2', '=', iso2).executeTakeFirst();
}

export function selectOrganisation(db: Kysely<DB>, id: string) {
  return db.selectFrom('organisation').select(['id', 'name_en']).where('id', '=', id).executeTakeFirst();
}

/** The sessions of an event, in the agenda's order, for a participant to choose from. */
export function selectEventSessions(db: Kysely<DB>, eventId: string) {
  return db
    .selectFrom('conference_session')
    .select(['id', 'title', 'starts_at', 'ends_at', 'room'])
    .where('event_id', '=', eventId)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

/** The ids of the sessions a registration chose to attend. */
export async function selectChosenSessions(db: Kysely<DB>, registrationId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('conference_registration_session')
    .select('session_id')
    .where('registration_id', '=', registrationId)
    .execute();
  return new Set(rows.map((r) => r.session_id));
}

/** Replaces the sessions a registration chose with these. */
export async function replaceChosenSessions(db: Kysely<DB>, registrationId: string, sessionIds: readonly string[]) {
  await db.deleteFrom('conference_registration_session').where('registration_id', '=', registrationId).execute();
  if (sessionIds.length === 0) return;
  await db
    .insertInto('conference_registration_session')
    .values(sessionIds.map((session_id) => ({ registration_id: registrationId, session_id })))
    .execute();
}
