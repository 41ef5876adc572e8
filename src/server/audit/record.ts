import type { Kysely } from 'kysely';
import type { Context } from '../context.js';
import type { DB } from '../db/schema.js';
import type { AuditAction, AuditRecordType } from './catalogue.js';
import { insertAuditEntry } from './queries.js';

export interface AuditedAction<V extends string = AuditAction> {
  verb: V;
  recordType?: AuditRecordType;
  recordId?: string;
  details?: Record<string, unknown>;
}

/**
 * A verb the compiler accepts: a declared audit action, or a union of them (a verb computed at
 * run time must be typed that narrowly). Anything else, `string` included, is a type error.
 */
type CheckedVerb<V extends string> = [V] extends [AuditAction] ? V : AuditAction;

/** An entry written outside any request (the command line, the first start, a scheduled job): no request id, actor or address. */
export const OUTSIDE_REQUEST = 'outside_request';

/** Where an entry comes from: a request, whose id, actor and address it records, or outside any request. */
export type AuditOrigin = Context | typeof OUTSIDE_REQUEST;

export interface AuditOptions {
  /** The actor when it is not the session's: a sign-in, before its session exists. */
  actorId?: string | null;
  /** Leaves the client's address out: an anonymous reporter's address would tie them to their report. */
  withoutAddress?: true;
}

/**
 * The one way to append an audit entry, in the caller's transaction: the entry commits with the
 * change or not at all. Details never hold secrets or protected personal data.
 */
export function audit<V extends string>(
  trx: Kysely<DB>,
  origin: AuditOrigin,
  action: AuditedAction<V> & { verb: CheckedVerb<V> },
  options: AuditOptions = {},
) {
  const ctx = origin === OUTSIDE_REQUEST ? null : origin;
  return insertAuditEntry(trx, {
    actorId: options.actorId !== undefined ? options.actorId : (ctx?.actor?.userId ?? null),
    verb: action.verb,
    recordType: action.recordType ?? null,
    recordId: action.recordId ?? null,
    requestId: ctx?.requestId ?? null,
    address: ctx && !options.withoutAddress ? ctx.address : null,
    details: action.details ?? {},
  });
}
