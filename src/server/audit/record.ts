import type { Kysely } from 'kysely';
import type { Context } from '../context.js';
import type { DB } from '../db/schema.js';
import { insertAuditEntry } from './queries.js';

export interface AuditedAction {
  verb: string;
  recordType?: string;
  recordId?: string;
  details?: Record<string, unknown>;
}

/**
 * Appends an audit entry for this request, in the caller's transaction: the entry commits with
 * the change or not at all. Details never hold secrets or protected personal data.
 */
export function audit(trx: Kysely<DB>, ctx: Context, action: AuditedAction, actorId = ctx.actor?.userId ?? null) {
  return insertAuditEntry(trx, {
    actorId,
    verb: action.verb,
    recordType: action.recordType ?? null,
    recordId: action.recordId ?? null,
    requestId: ctx.requestId,
    address: ctx.address,
    details: action.details ?? {},
  });
}
