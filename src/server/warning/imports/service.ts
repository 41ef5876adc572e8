import { assertAllowed } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { Problem } from '../../http/problems.js';
import * as q from '../indicators/queries.js';
import type { ColumnMapping } from './formats.js';
import { type ImportOptions, importObservations } from './imports.js';
import type { ImportQuery, ImportReport } from './schemas.js';

/** The latest imports, newest first. */
export async function listBatches(ctx: Context) {
  assertAllowed(ctx.actor, 'warning.import');
  const rows = await q.selectBatches(ctx.db, 200);
  return rows.map((b) => ({
    id: String(b.id),
    source: b.source,
    format: b.format,
    fileName: b.file_name,
    rowCount: b.row_count,
    inserted: b.inserted,
    updated: b.updated,
    unchanged: b.unchanged,
    skipped: b.skipped,
    method: b.method,
    importedAt: new Date(b.created_at).toISOString(),
    importedBy: b.created_by_name,
  }));
}

function mappingOf(text: string | undefined): ColumnMapping | undefined {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Problem('validation', 'The column mapping must be JSON.');
  }
  const m = value as Partial<ColumnMapping>;
  if (typeof m?.country !== 'string' || typeof m.period !== 'string' || typeof m.value !== 'string') {
    throw new Problem('validation', 'The column mapping names the country, period and value columns.');
  }
  return {
    country: m.country,
    period: m.period,
    value: m.value,
    ...(typeof m.indicator === 'string' ? { indicator: m.indicator } : {}),
  };
}

/** Imports a file of observations for the caller (see importObservations); audited as warning.import. */
export async function importFile(
  ctx: Context,
  bytes: Buffer,
  query: ImportQuery & { sheet?: 'csv' | 'xlsx' },
  onProgress?: ImportOptions['onProgress'],
): Promise<ImportReport> {
  assertAllowed(ctx.actor, 'warning.import');
  return importObservations(
    ctx.db,
    { actor: ctx.actor, system: false },
    bytes,
    {
      format: query.format as ImportOptions['format'],
      sheet: query.sheet,
      dryRun: query.dryRun,
      mapping: mappingOf(query.mapping),
      indicator: query.indicator,
      fileName: query.fileName,
      onProgress,
    },
    (trx, report) =>
      audit(trx, ctx, {
        verb: 'warning.import',
        recordType: 'warning_import_batch',
        recordId: report.batchId ?? undefined,
        details: {
          format: report.format,
          fileName: query.fileName ?? '',
          inserted: report.inserted,
          updated: report.updated,
          alerts: report.alertsFired,
        },
      }),
  );
}
