import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';

export interface AuditEntry {
  actorId: string | null;
  verb: string;
  recordType?: string | null;
  recordId?: string | null;
  requestId?: string | null;
  address?: string | null;
  details?: Record<string, unknown>;
}

export function insertAuditEntry(db: Kysely<DB>, entry: AuditEntry) {
  return db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      verb: entry.verb,
      record_type: entry.recordType ?? null,
      record_id: entry.recordId ?? null,
      request_id: entry.requestId ?? null,
      address: entry.address ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export interface AuditFilter {
  actorId?: string | undefined;
  verb?: string | undefined;
  recordType?: string | undefined;
  recordId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function filtered(db: Kysely<DB>, filter: AuditFilter) {
  let query = db.selectFrom('audit_log').leftJoin('app_user', 'app_user.id', 'audit_log.actor_id');
  if (filter.actorId) query = query.where('audit_log.actor_id', '=', filter.actorId);
  if (filter.verb) query = query.where('audit_log.verb', 'like', `${filter.verb.replace(/[%_\\]/g, '\\$&')}%`);
  if (filter.recordType) query = query.where('audit_log.record_type', '=', filter.recordType);
  if (filter.recordId) query = query.where('audit_log.record_id', '=', filter.recordId);
  if (filter.from) query = query.where('audit_log.at', '>=', new Date(filter.from));
  if (filter.to) query = query.where('audit_log.at', '<', new Date(filter.to));
  return query;
}

/** Newest first, with the actor's name and email at read time. */
export function selectAuditEntries(db: Kysely<DB>, filter: AuditFilter, limit: number, offset: number) {
  return filtered(db, filter)
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor_id',
      'app_user.name as actor_name',
      'app_user.email as actor_email',
      'audit_log.verb',
      'audit_log.record_type',
      'audit_log.record_id',
      'audit_log.request_id',
      'audit_log.address',
      'audit_log.details',
    ])
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countAuditEntries(db: Kysely<DB>, filter: AuditFilter): Promise<number> {
  const row = await filtered(db, filter).select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow();
  return row.count;
}
