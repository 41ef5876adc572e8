import type { Kysely } from 'kysely';
import { holds } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { readSheetCells, type SheetFormat } from '../../files/sheet-reader.js';
import { unguardCell } from '../../files/sheet-writer.js';
import { Problem } from '../../http/problems.js';
import { monthlyIncrements, readReports } from './convert.js';
import * as q from './queries.js';
import type { OneForOneImportReport, OneForOneView } from './schemas.js';

/** The 1:1 scheme month by month, with its totals. */
export async function oneForOne(ctx: Context): Promise<OneForOneView> {
  const rows = await q.selectMonths(ctx.db);
  const latest = rows.reduce<Date | null>((at, r) => (!at || new Date(r.updated_at) > at ? new Date(r.updated_at) : at), null);
  return {
    months: rows.map((r) => ({
      month: r.month.slice(0, 7),
      returns: r.returns,
      resettled: r.resettled,
      approximate: r.approximate,
      coversFrom: r.covers_from,
      reportedOn: r.reported_on,
      source: r.source,
      sourceUrl: r.source_url,
    })),
    totals: {
      returns: rows.reduce((sum, r) => sum + r.returns, 0),
      resettled: rows.reduce((sum, r) => sum + r.resettled, 0),
    },
    updatedAt: latest ? latest.toISOString() : null,
    actions: holds(ctx.actor, 'solidarity.one_for_one.import') ? ['import'] : [],
  };
}

/** The cumulative figures of a file turned into months, or a problem naming every bad row. */
async function monthsOf(bytes: Buffer, format: SheetFormat | undefined) {
  if (bytes.length === 0) throw new Problem('validation', 'The file is empty.');
  const { cells } = await readSheetCells(bytes, { format });
  const clean = cells.map((line) => line.map((c) => unguardCell(String(c ?? ''))));
  const read = readReports(clean);
  if (read.errors.length === 0 && read.reports.length === 0) throw new Problem('validation', 'The file holds no figures.');
  const made = monthlyIncrements(read.reports);
  const errors = [...read.errors, ...made.errors];
  if (errors.length > 0) {
    throw new Problem(
      'validation',
      `${errors.length} ${errors.length === 1 ? 'cell is' : 'cells are'} not valid; nothing was imported.`,
      {
        errors: errors.slice(0, 200),
      },
    );
  }
  return { reports: read.reports.length, months: made.months };
}

/**
 * Imports the published cumulative figures (CSV or XLSX) all or nothing, replacing the monthly
 * series; audited.
 */
export async function importOneForOne(
  ctx: Context,
  bytes: Buffer,
  options: { format?: SheetFormat | undefined; fileName?: string | undefined } = {},
): Promise<OneForOneImportReport> {
  const { reports, months } = await monthsOf(bytes, options.format);
  await inTransaction(ctx.db, async (trx) => {
    await q.replaceMonths(trx, months, ctx.actor?.userId ?? null);
    await audit(trx, ctx, {
      verb: 'solidarity.one_for_one.import',
      recordType: 'solidarity_one_for_one',
      details: { fileName: options.fileName ?? null, reports, months: months.length },
    });
  });
  return {
    reports,
    months: months.length,
    returns: months.reduce((sum, m) => sum + m.returns, 0),
    resettled: months.reduce((sum, m) => sum + m.resettled, 0),
  };
}

/** The demonstration series: the shipped published figures, imported once. */
export async function seedOneForOneDemo(db: Kysely<DB>, csv: string): Promise<void> {
  if (await db.selectFrom('solidarity_one_for_one').select('month').limit(1).executeTakeFirst()) return;
  const { months } = await monthsOf(Buffer.from(csv), 'csv');
  await q.replaceMonths(db, months, null);
}
