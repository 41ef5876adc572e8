import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import type { Context } from '../server/context.js';
import type { ImportProgress, ImportReport } from '../server/directory/matrix/schemas.js';
import { exportMatrix, importMatrix } from '../server/directory/matrix/service.js';
import { seedPartnerOrganisations } from '../server/directory/partners.js';
import { Problem } from '../server/http/problems.js';
import { prepareDatabase } from '../server/main.js';

export const DIRECTORY_USAGE = `  import 3w FILE [--dry-run] [--mapping JSON]
                                import a 3W sheet (CSV or XLSX, with a HXL row or a column
                                mapping from field to label); all or nothing; re-importing
                                updates the same activities
  export 3w FILE                write the whole 3W matrix to FILE (.xlsx or .csv) with HXL`;

async function withContext<T>(fn: (ctx: Context) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await prepareDatabase(config);
  try {
    await seedPartnerOrganisations(database.db);
    // The operator at the console: no account, every right, audited as such.
    return await fn({ db: database.db, actor: null, requestId: 'cli', address: 'command line', config });
  } finally {
    await database.close();
  }
}

function progressBar(): (p: ImportProgress) => void {
  let last = '';
  return (p) => {
    const share = p.total > 0 ? p.done / p.total : 0;
    const line = `${p.phase.padEnd(9)} [${'#'.repeat(Math.round(share * 30)).padEnd(30, '.')}] ${p.done}/${p.total}`;
    if (line === last) return;
    last = line;
    process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
  };
}

function print(report: ImportReport) {
  if (process.stderr.isTTY) process.stderr.write('\n');
  const headline = {
    applied: 'Imported.',
    dry_run: 'Dry run: nothing was written.',
    rejected: 'Not imported: some rows were rejected, so nothing was written.',
  }[report.outcome];
  const lines = [
    headline,
    `  ${report.rowsRead} rows: ${report.created} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected` +
      (report.outcome === 'applied'
        ? `; ${report.organisationsCreated} organisations and ${report.contactsCreated} contacts added`
        : ''),
    ...report.rejections.slice(0, 100).map((r) => `  row ${r.row}: ${r.reasons.join(' ')}`),
    ...(report.rejections.length > 100 ? [`  … and ${report.rejections.length - 100} more rejected rows`] : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `crossroads import 3w FILE`: the 3W import for operators, with a progress bar on standard error. */
export async function import3w(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, mapping: { type: 'string' } },
    strict: true,
  });
  const file = positionals[0];
  if (!file) throw new Problem('validation', `Name the file to import.\n\nUsage:\n${DIRECTORY_USAGE}`);
  const bytes = fs.readFileSync(file);
  const report = await withContext((ctx) =>
    importMatrix(ctx, bytes, {
      dryRun: values['dry-run'],
      mapping: values.mapping,
      fileName: path.basename(file),
      onProgress: progressBar(),
    }),
  );
  print(report);
  if (report.outcome === 'rejected') process.exitCode = 1;
}

/** `crossroads export 3w FILE`: the whole matrix, as the file's extension says. */
export async function export3w(args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true });
  const file = positionals[0];
  if (!file) throw new Problem('validation', `Name the file to write.\n\nUsage:\n${DIRECTORY_USAGE}`);
  const format = file.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
  const { body, rows } = await withContext((ctx) => exportMatrix(ctx, { format }));
  fs.writeFileSync(file, body);
  process.stdout.write(`Wrote ${rows} activities to ${file}.\n`);
}
