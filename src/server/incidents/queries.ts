import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import type { KeyPairRecord } from './protected/crypto.js';
import type { IncidentEventTable } from './tables.js';

export type Db = Kysely<DB>;

export function selectActiveKey(db: Db) {
  return db.selectFrom('incident_key').selectAll().where('retired_at', 'is', null).executeTakeFirst();
}

/** Stores a new key pair: its public key and its private key sealed under the passphrase, never in clear. */
export function insertKey(db: Db, pair: KeyPairRecord) {
  return db
    .insertInto('incident_key')
    .values({
      public_key_spki: pair.publicKeySpki,
      sealed_private_key: pair.sealed,
      kdf_salt: pair.salt,
      kdf_iterations: pair.iterations,
      seal_iv: pair.iv,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Serialises public submissions while the rate limits are counted and one is reserved. */
export async function lockSubmissions(db: Db) {
  await sql`select pg_advisory_xact_lock(74110, 1)`.execute(db);
}

/** The last hour's accepted reports from everyone, and attempts (accepted or refused) from one address. */
export async function countSubmissions(db: Db, addressHash: Buffer) {
  const row = await db
    .selectFrom('incident_submission')
    .select([
      sql<number>`(count(*) filter (where accepted))::int`.as('all'),
      sql<number>`(count(*) filter (where address_hash = ${addressHash}))::int`.as('by_address'),
    ])
    .where('at', '>', sql<Date>`now() - interval '1 hour'`)
    .executeTakeFirstOrThrow();
  return { all: Number(row.all), byAddress: Number(row.by_address) };
}

export async function insertSubmission(db: Db, addressHash: Buffer, proofHash: Buffer): Promise<boolean> {
  const row = await db
    .insertInto('incident_submission')
    .values({ address_hash: addressHash, proof_hash: proofHash })
    .onConflict((oc) => oc.constraint('incident_submission_proof_uq').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Reports accepted from everyone in the last hour: the load the proof of work rises with. */
export async function countAccepted(db: Db): Promise<number> {
  const row = await db
    .selectFrom('incident_submission')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('accepted', '=', true)
    .where('at', '>', sql<Date>`now() - interval '1 hour'`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A refused attempt, counted against its address's limit. */
export async function insertRefusedSubmission(db: Db, addressHash: Buffer): Promise<void> {
  await db.insertInto('incident_submission').values({ address_hash: addressHash, proof_hash: null, accepted: false }).execute();
}

export async function isProofUsed(db: Db, proofHash: Buffer): Promise<boolean> {
  const row = await db.selectFrom('incident_submission').select('id').where('proof_hash', '=', proofHash).executeTakeFirst();
  return row !== undefined;
}

export function purgeSubmissions(db: Db) {
  return db.deleteFrom('incident_submission').where('at', '<', sql<Date>`now() - interval '1 day'`).executeTakeFirst();
}

export function insertEvent(
  db: Db,
  event: {
    reportId: string;
    actorId: string | null;
    kind: IncidentEventTable['kind'];
    from?: string | null;
    to?: string | null;
    note?: string | null;
  },
) {
  return db
    .insertInto('incident_event')
    .values({
      report_id: event.reportId,
      actor_id: event.actorId,
      kind: event.kind,
      from_status: event.from ?? null,
      to_status: event.to ?? null,
      note: event.note ?? null,
    })
    .execute();
}

const REPORT_COLUMNS = [
  'r.id',
  'r.status',
  sql<string>`to_char(r.occurred_on, 'YYYY-MM-DD')`.as('occurred_on'),
  'r.date_approximate',
  'r.country_iso2',
  'r.place',
  'r.latitude',
  'r.longitude',
  'r.incident_type',
  'r.property_target',
  'r.targets',
  'r.bias_motivation',
  'r.bias_indicators',
  'r.source',
  'r.contact_consent',
  'r.redacted_description',
  'r.assigned_to',
  'u.name as assignee_name',
  'r.duplicate_of',
  'r.rejection_reason',
  'r.closed_at',
  'r.contact_deleted_at',
  'r.received_at',
  'r.updated_at',
] as const;

export function selectReports(
  db: Db,
  filter: {
    ids?: string[];
    status?: string;
    country?: string;
    countries?: string[] | null;
    incidentType?: string;
    assignee?: string | null;
  },
  page: { limit: number; offset: number },
) {
  let query = db.selectFrom('incident_report as r').leftJoin('app_user as u', 'u.id', 'r.assigned_to');
  if (filter.ids) query = query.where('r.id', 'in', filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000']);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.country) query = query.where('r.country_iso2', '=', filter.country);
  if (filter.countries) query = query.where('r.country_iso2', 'in', filter.countries.length ? filter.countries : ['--']);
  if (filter.incidentType) query = query.where('r.incident_type', '=', filter.incidentType);
  if (filter.assignee === null) query = query.where('r.assigned_to', 'is', null);
  else if (filter.assignee) query = query.where('r.assigned_to', '=', filter.assignee);
  return Promise.all([
    query.select(REPORT_COLUMNS).orderBy('r.received_at', 'desc').orderBy('r.id').limit(page.limit).offset(page.offset).execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]).then(([rows, count]) => ({ rows, total: Number(count.n) }));
}

export type ReportRow = Awaited<ReturnType<typeof selectReports>>['rows'][number];

export function selectEvents(db: Db, reportId: string) {
  return db
    .selectFrom('incident_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.at', 'e.actor_id', 'u.name as actor_name', 'e.kind', 'e.from_status', 'e.to_status', 'e.note'])
    .where('e.report_id', '=', reportId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

export function selectSealedSummary(db: Db, reportId: string) {
  return db
    .selectFrom('incident_sealed')
    .select(['kind', sql<number>`count(*)::int`.as('n')])
    .where('report_id', '=', reportId)
    .groupBy('kind')
    .execute();
}

/** The reports marked as duplicates of one, within these countries (null: all). */
export async function selectDuplicates(db: Db, reportId: string, countries: string[] | null): Promise<string[]> {
  let query = db.selectFrom('incident_report').select('id').where('duplicate_of', '=', reportId);
  if (countries) query = query.where('country_iso2', 'in', countries.length ? countries : ['--']);
  const rows = await query.orderBy('received_at').execute();
  return rows.map((r) => r.id);
}

export function selectSealed(db: Db, reportId: string) {
  return db
    .selectFrom('incident_sealed')
    .select(['kind', 'media_type', 'wrapped_key', 'payload', 'key_id'])
    .where('report_id', '=', reportId)
    .orderBy('kind')
    .orderBy('position')
    .execute();
}

/** Locks one report for a change and returns its state. */
export function lockReport(db: Db, id: string) {
  return db
    .selectFrom('incident_report')
    .select(['id', 'status', 'country_iso2', sql<number>`extract(year from occurred_on)::int`.as('year'), 'duplicate_of'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Closed cases whose contact details are past the retention period. */
export function selectContactsDue(db: Db, days: number) {
  return db
    .selectFrom('incident_report as r')
    .innerJoin('incident_sealed as s', 's.report_id', 'r.id')
    .select('r.id')
    .distinct()
    .where('s.kind', '=', 'contact')
    .where('r.closed_at', 'is not', null)
    .where('r.closed_at', '<', sql<Date>`now() - make_interval(days => ${days})`)
    .execute();
}

export function selectReviewers(db: Db) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('role_grant as g', 'g.user_id', 'u.id')
    .select(['u.id', 'u.name', 'g.scope_type', 'g.country_iso2'])
    .where('g.role', '=', 'incident_reviewer')
    .where('u.disabled_at', 'is', null)
    .orderBy('u.name')
    .execute();
}
