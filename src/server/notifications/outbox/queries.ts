import { type Kysely, sql } from 'kysely';
import type { Role } from '../../access/roles.js';
import type { DB } from '../../db/schema.js';
import type { DeliveryMode, EmailStatus } from '../tables.js';

/** The active accounts among these people and the holders of these roles (a country's, an organisation's, or everywhere). */
export async function selectRecipients(
  db: Kysely<DB>,
  userIds: readonly string[],
  roles: ReadonlyArray<{ role: Role; country?: string | null; organisation?: string | null }>,
): Promise<string[]> {
  if (userIds.length === 0 && roles.length === 0) return [];
  const rows = await db
    .selectFrom('app_user as u')
    .select('u.id')
    .where('u.disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(userIds.length > 0 ? [eb('u.id', 'in', userIds)] : []),
        ...roles.map(({ role, country, organisation }) =>
          eb.exists(
            eb
              .selectFrom('role_grant as g')
              .select('g.id')
              .whereRef('g.user_id', '=', 'u.id')
              .where('g.role', '=', role)
              .where((w) =>
                country || organisation
                  ? w.or([
                      w('g.scope_type', '=', 'global'),
                      ...(country ? [w('g.country_iso2', '=', country)] : []),
                      ...(organisation ? [w('g.organisation_id', '=', organisation)] : []),
                    ])
                  : w.lit(true),
              ),
          ),
        ),
      ]),
    )
    .orderBy('u.id')
    .execute();
  return rows.map((row) => row.id);
}

export async function selectModes(db: Kysely<DB>, userIds: readonly string[], category: string) {
  if (userIds.length === 0) return new Map<string, DeliveryMode>();
  const rows = await db
    .selectFrom('notification_preference')
    .select(['user_id', 'mode'])
    .where('user_id', 'in', userIds)
    .where('category', '=', category)
    .execute();
  return new Map(rows.map((row) => [row.user_id, row.mode]));
}

export function insertNotifications(
  db: Kysely<DB>,
  rows: Array<{ user_id: string; category: string; kind: string; params: string; link: string }>,
) {
  return db.insertInto('notification').values(rows).returning(['id', 'user_id']).execute();
}

export function insertEmails(
  db: Kysely<DB>,
  rows: Array<{ user_id: string; notification_id: string | null; status: EmailStatus }>,
) {
  return db.insertInto('notification_email').values(rows).execute();
}

/**
 * Claims up to `limit` emails that are due, for `leaseSeconds`: rows another instance holds are
 * skipped, not waited for, and a row whose lease ran out (its instance died while sending) is
 * due again.
 */
export function claimDue(db: Kysely<DB>, instance: string, limit: number, leaseSeconds: number) {
  return db
    .updateTable('notification_email')
    .set({
      lease_until: sql`clock_timestamp() + make_interval(secs => ${leaseSeconds})`,
      claimed_by: instance,
      attempts: sql`attempts + 1`,
    })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('notification_email')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', sql<Date>`clock_timestamp()`)
        .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<', sql<Date>`clock_timestamp()`)]))
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'user_id', 'notification_id', 'attempts'])
    .execute();
}

/** Who an email goes to, and in which language. */
export function selectAddressees(db: Kysely<DB>, userIds: readonly string[]) {
  return db.selectFrom('app_user').select(['id', 'email', 'name', 'language']).where('id', 'in', userIds).execute();
}

/** The notices each email carries: its own, or those its digest gathered. */
export async function selectCarriedNotices(
  db: Kysely<DB>,
  emails: ReadonlyArray<{ id: number; notification_id: string | null }>,
) {
  const single = emails.flatMap((e) => (e.notification_id ? [e.notification_id] : []));
  const digests = emails.filter((e) => !e.notification_id).map((e) => e.id);
  const rows = await db
    .selectFrom('notification as n')
    .leftJoin('notification_email as held', (join) =>
      join.onRef('held.notification_id', '=', 'n.id').on('held.status', '=', 'digested'),
    )
    .select(['n.id', 'n.kind', 'n.category', 'n.params', 'n.link', 'n.created_at', 'held.digest_id'])
    .where((eb) =>
      eb.or([
        ...(single.length > 0 ? [eb('n.id', 'in', single)] : []),
        ...(digests.length > 0 ? [eb('held.digest_id', 'in', digests)] : []),
        eb.lit(false),
      ]),
    )
    .orderBy('n.created_at')
    .execute();
  return rows;
}

export function selectCountryNames(db: Kysely<DB>, iso2: readonly string[]) {
  if (iso2.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('country')
    .select(['iso2', 'name_en', 'name_fr', 'name_de', 'name_it', 'name_ru', 'name_es'])
    .where('iso2', 'in', iso2)
    .execute();
}

export function markSent(db: Kysely<DB>, id: number, instance: string) {
  return db
    .updateTable('notification_email')
    .set({ status: 'sent', sent_at: sql`clock_timestamp()`, lease_until: null, last_error: null })
    .where('id', '=', id)
    .where('claimed_by', '=', instance)
    .where('status', '=', 'pending')
    .execute();
}

/** A failed attempt: tried again after `waitSeconds`, or, when `final`, reported as failed. */
export function markAttemptFailed(
  db: Kysely<DB>,
  id: number,
  instance: string,
  error: string,
  final: boolean,
  waitSeconds: number,
) {
  return db
    .updateTable('notification_email')
    .set({
      status: final ? 'failed' : 'pending',
      last_error: error.slice(0, 500),
      lease_until: null,
      next_attempt_at: sql`clock_timestamp() + make_interval(secs => ${waitSeconds})`,
    })
    .where('id', '=', id)
    .where('claimed_by', '=', instance)
    .where('status', '=', 'pending')
    .execute();
}

/**
 * Gathers each person's held notices into one digest email: one statement, so that a notice is
 * carried by exactly one digest whichever instance runs it.
 */
export async function gatherDigests(db: Kysely<DB>): Promise<number> {
  const result = await sql<{ id: number }>`
    with digest as (
      insert into notification_email (user_id, status)
      select distinct user_id, 'pending' from notification_email where status = 'held'
      returning id, user_id
    )
    update notification_email e set status = 'digested', digest_id = d.id
    from digest d
    where e.user_id = d.user_id and e.status = 'held'
    returning d.id`.execute(db);
  return new Set(result.rows.map((row) => row.id)).size;
}

/** Sent emails are kept three months, notices a year. */
export async function purgeOld(db: Kysely<DB>) {
  const emails = await db
    .deleteFrom('notification_email')
    .where('status', 'in', ['sent', 'digested'])
    .where('created_at', '<', sql<Date>`now() - interval '90 days'`)
    .executeTakeFirst();
  const notices = await db
    .deleteFrom('notification')
    .where('created_at', '<', sql<Date>`now() - interval '365 days'`)
    .executeTakeFirst();
  return { emails: Number(emails.numDeletedRows), notices: Number(notices.numDeletedRows) };
}
