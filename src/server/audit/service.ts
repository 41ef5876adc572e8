import { assertAllowed } from '../access/check.js';
import type { Context } from '../context.js';
import { inTransaction } from '../db/transaction.js';
import { csvOf } from '../files/sheet-writer.js';
import { auditCatalogue } from './catalogue.js';
import { countAuditEntries, selectAuditEntries } from './queries.js';
import { audit } from './record.js';
import type { AuditCatalogueView, AuditEntryView, AuditExportQuery, AuditQuery } from './schemas.js';

type Row = Awaited<ReturnType<typeof selectAuditEntries>>[number];

function present(row: Row): AuditEntryView {
  return {
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '', email: row.actor_email ?? '' } : null,
    verb: row.verb,
    recordType: row.record_type,
    recordId: row.record_id,
    requestId: row.request_id,
    address: row.address,
    details: row.details ?? {},
  };
}

/** The actions and record types the audit log records, for the audit page's filters. */
export function readAuditCatalogue(ctx: Context): AuditCatalogueView {
  assertAllowed(ctx.actor, 'audit.read');
  const { actions, recordTypes } = auditCatalogue();
  return { actions: [...actions], recordTypes: [...recordTypes] };
}

/** The audit log, newest first, filtered. */
export async function listAuditEntries(ctx: Context, query: AuditQuery) {
  assertAllowed(ctx.actor, 'audit.read');
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  const [rows, total] = await Promise.all([selectAuditEntries(ctx.db, query, limit, offset), countAuditEntries(ctx.db, query)]);
  return { items: rows.map(present), total, limit, offset };
}

const EXPORT_LIMIT = 1_000_000;

/** The filtered audit log as CSV; the export is itself audited. */
export async function exportAuditEntries(ctx: Context, query: AuditExportQuery): Promise<string> {
  assertAllowed(ctx.actor, 'audit.export');
  const rows = (await selectAuditEntries(ctx.db, query, EXPORT_LIMIT, 0)).map(present);
  await inTransaction(ctx.db, (trx) =>
    audit(trx, ctx, { verb: 'audit.export', recordType: 'audit_log', details: { filter: query, rows: rows.length } }),
  );
  const header = [
    'id',
    'at',
    'actor_id',
    'actor_name',
    'actor_email',
    'verb',
    'record_type',
    'record_id',
    'request_id',
    'address',
    'details',
  ];
  const records = rows.map((r) => [
    String(r.id),
    r.at,
    r.actor?.id ?? '',
    r.actor?.name ?? '',
    r.actor?.email ?? '',
    r.verb,
    r.recordType ?? '',
    r.recordId ?? '',
    r.requestId ?? '',
    r.address ?? '',
    JSON.stringify(r.details),
  ]);
  return csvOf([header, ...records]);
}
