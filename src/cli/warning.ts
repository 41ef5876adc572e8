import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { audit } from '../server/audit/record.js';
import { loadConfig } from '../server/config.js';
import type { Context } from '../server/context.js';
import { Problem } from '../server/http/problems.js';
import { prepareDatabase } from '../server/main.js';
import type { ColumnMapping, ImportFormat } from '../server/warning/imports/formats.js';
import { type ImportProgress, importObservations } from '../server/warning/imports/imports.js';
import type { ImportReport } from '../server/warning/imports/schemas.js';
import { SHIPPED_FILES, seedWarningDemo } from '../server/warning/seed.js';

export const WARNING_USAGE = `  import indicators FILE [--dry-run] [--format F] [--indicator CODE] [--mapping JSON] [--source S]
                                import indicator values from CSV or XLSX (UNHCR Refugee Data
                                Finder tables, UNHCR sea arrivals, HXL hashtags, or a column
                                mapping); all or nothing; a .gz file is read as gzip
  import indicators --demo      import the shipped UNHCR extracts and the demonstration rules`;

function usage(message: string): never {
  throw new Problem('validation', `${message}\n\nUsage:\n${WARNING_USAGE}`);
}

/** A progress bar on standard error, redrawn in place when it is a terminal. */
function progressBar(): (p: ImportProgress) => void {
  let last = '';
  return (p) => {
    const width = 30;
    const share = p.total > 0 ? p.done / p.total : 0;
    const bar = `${'#'.repeat(Math.round(share * width)).padEnd(width, '.')}`;
    const line = `${p.phase.padEnd(10)} [${bar}] ${p.done}/${p.total}`;
    if (line === last) return;
    last = line;
    process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
  };
}

function print(report: ImportReport) {
  if (process.stderr.isTTY) process.stderr.write('\n');
  const lines = [
    `${report.applied ? 'Imported' : report.dryRun ? 'Dry run (nothing written)' : 'Not imported: some rows were rejected, nothing was written'} — ${report.format}, ${report.source}`,
    `  rows ${report.rowCount}, values ${report.values}: ${report.inserted} new, ${report.updated} corrected, ${report.unchanged} unchanged; ${report.skippedCount} rows skipped; ${report.alertsFired} alerts fired`,
    ...report.rejected.slice(0, 50).map((r) => `  row ${r.row}: ${r.reason}`),
    ...(report.rejectedCount > 50 ? [`  … and ${report.rejectedCount - 50} more rejected rows`] : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `crossroads import indicators …`: the early-warning import for operators, with a progress bar. */
export async function importIndicators(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      format: { type: 'string' },
      indicator: { type: 'string' },
      mapping: { type: 'string' },
      source: { type: 'string' },
    },
    strict: true,
  });
  const file = positionals[0];
  if (!values.demo && !file) usage('Name the file to import, or use --demo.');
  let mapping: ColumnMapping | undefined;
  if (values.mapping) {
    try {
      mapping = JSON.parse(values.mapping) as ColumnMapping;
    } catch {
      usage('--mapping is JSON, e.g. {"country":"ISO","period":"Year","value":"Total"}.');
    }
  }
  const config = loadConfig();
  const database = await prepareDatabase(config);
  const ctx: Context = { db: database.db, actor: null, requestId: 'cli', address: 'cli', config };
  try {
    if (values.demo) {
      process.stderr.write(`Importing ${SHIPPED_FILES.join(', ')}…\n`);
      await seedWarningDemo(database.db);
      process.stdout.write('Demonstration indicators, rules and alerts loaded.\n');
      return;
    }
    // Gzipped files are inflated by the sheet reader, under the same limits as any import.
    const bytes = fs.readFileSync(file as string);
    const report = await importObservations(
      database.db,
      { actor: null, system: true },
      bytes,
      {
        format: values.format as ImportFormat | undefined,
        dryRun: values['dry-run'],
        indicator: values.indicator,
        mapping,
        source: values.source,
        fileName: (file as string).split(/[\\/]/).pop()?.replace(/\.gz$/, ''),
        onProgress: progressBar(),
      },
      (trx, r) =>
        audit(trx, ctx, {
          verb: 'warning.import',
          recordType: 'warning_import_batch',
          recordId: r.batchId ?? undefined,
          details: { format: r.format, inserted: r.inserted, updated: r.updated, alerts: r.alertsFired },
        }),
    );
    print(report);
    if (!report.applied && !report.dryRun) process.exitCode = 1;
  } finally {
    await database.close();
  }
}
