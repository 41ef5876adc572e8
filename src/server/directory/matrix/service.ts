import { holds } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import type { SheetFormat } from '../../files/sheet-reader.js';
import { Problem } from '../../http/problems.js';
import { loadReference } from '../reference.js';
import { OPERATOR, type Viewer, viewerOf } from '../visibility.js';
import { applyPlan } from './apply.js';
import { FIELDS, type Field } from './columns.js';
import { matrixRows, toCsv, toXlsx } from './export.js';
import { planImport } from './plan.js';
import { readSheet } from './read.js';
import type { ExportQuery, ImportProgress, ImportReport } from './schemas.js';

export interface ImportOptions {
  format?: SheetFormat | undefined;
  dryRun?: boolean | undefined;
  mapping?: string | Partial<Record<Field, string>> | undefined;
  fileName?: string | undefined;
  onProgress?: (progress: ImportProgress) => void;
}

function parseMapping(mapping: ImportOptions['mapping']): Partial<Record<Field, string>> | undefined {
  if (mapping === undefined || typeof mapping === 'object') return mapping;
  let parsed: unknown;
  try {
    parsed = JSON.parse(mapping);
  } catch {
    throw new Problem('validation', 'The column mapping is not valid JSON.');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Problem('validation', 'The column mapping must be an object from field to column label.');
  }
  for (const [field, label] of Object.entries(parsed)) {
    if (!(FIELDS as readonly string[]).includes(field) || typeof label !== 'string') {
      throw new Problem('validation', `The column mapping names an unknown field “${field}”.`);
    }
  }
  return parsed as Partial<Record<Field, string>>;
}

/**
 * Imports a 3W sheet (CSV or XLSX, with a HXL row or a column mapping) all or nothing: every bad
 * row is reported with its number and reason, and then nothing changes. Rows match existing
 * activities by code, else by organisation and title, so importing a file again updates and never
 * duplicates. The caller may import only activities of organisations they keep.
 */
export async function importMatrix(ctx: Context, bytes: Buffer, options: ImportOptions = {}): Promise<ImportReport> {
  const viewer: Viewer = ctx.actor ? await viewerOf(ctx) : OPERATOR;
  if (ctx.actor && !holds(ctx.actor, 'directory.import')) throw new Problem('forbidden');
  const mayCreateOrganisations = ctx.actor ? holds(ctx.actor, 'directory.manage') : true;
  const report = (phase: ImportProgress['phase'], done: number, total: number) =>
    options.onProgress?.({ phase, done: Math.round(done), total });
  if (bytes.length === 0) throw new Problem('validation', 'The file is empty.');

  report('reading', 0, 1);
  const sheet = await readSheet(bytes, options.format, parseMapping(options.mapping));
  report('reading', 1, 1);
  const ref = await loadReference(ctx.db);
  const total = sheet.rows.length;
  const plan = await planImport(ctx.db, viewer, mayCreateOrganisations, ref, sheet.rows, (done) =>
    report('checking', done, total),
  );
  report('checking', total, total);

  const outcome: ImportReport['outcome'] = plan.rejections.length > 0 ? 'rejected' : options.dryRun ? 'dry_run' : 'applied';
  const toWrite = plan.creates.length + plan.updates.length;
  if (outcome === 'applied') {
    await inTransaction(ctx.db, async (trx) => {
      await applyPlan(trx, ref, plan, (done) => report('writing', done, toWrite));
      await audit(trx, ctx, {
        verb: 'directory.import',
        recordType: 'directory_activity',
        details: {
          fileName: options.fileName ?? null,
          format: sheet.format,
          rows: total,
          created: plan.creates.length,
          updated: plan.updates.length,
          unchanged: plan.unchanged.length,
        },
      });
    });
  }

  const changes = [
    ...plan.creates.map((c) => ({ row: c.row, action: 'create' as const, code: c.code, title: c.values.title })),
    ...plan.updates.map((u) => ({ row: u.row, action: 'update' as const, code: u.code, title: u.values.title })),
    ...plan.unchanged.map((u) => ({ row: u.row, action: 'unchanged' as const, code: u.code, title: u.title })),
  ]
    .sort((a, b) => a.row - b.row)
    .slice(0, 1000);
  return {
    outcome,
    recognisedBy: sheet.recognisedBy,
    rowsRead: total,
    created: plan.creates.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged.length,
    rejected: plan.rejections.length,
    organisationsCreated: outcome === 'applied' ? plan.newOrganisations.size : 0,
    contactsCreated: outcome === 'applied' ? plan.newContacts.size : 0,
    rejections: plan.rejections,
    changes,
  };
}

/** The 3W matrix of what the caller may see, as CSV or XLSX with a HXL row; every export is audited. */
export async function exportMatrix(
  ctx: Context,
  query: ExportQuery,
): Promise<{ body: Buffer; format: 'csv' | 'xlsx'; rows: number }> {
  const viewer = await viewerOf(ctx);
  const ref = await loadReference(ctx.db);
  const sheet = await matrixRows(ctx.db, viewer, ref, query);
  const format = query.format ?? 'xlsx';
  const body = format === 'csv' ? toCsv(sheet) : await toXlsx(sheet);
  const { format: _format, ...filter } = query;
  await inTransaction(ctx.db, (trx) =>
    audit(trx, ctx, {
      verb: 'directory.export',
      recordType: 'directory_activity',
      details: { format, filter, rows: sheet.rows.length },
    }),
  );
  return { body, format, rows: sheet.rows.length };
}
