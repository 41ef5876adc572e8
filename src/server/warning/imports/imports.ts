import { createHash } from 'node:crypto';
import { type Actor, scopeOf } from '../../access/check.js';
import { inTransaction } from '../../db/transaction.js';
import { readSheetCells, type SheetFormat } from '../../files/sheet-reader.js';
import { Problem } from '../../http/problems.js';
import type { Frequency } from '../indicators/periods.js';
import * as q from '../indicators/queries.js';
import { evaluateRules } from '../rules/evaluate.js';
import { type ColumnMapping, type ImportFormat, type Lookups, type Parsed, parseObservations, UNHCR_SOURCE } from './formats.js';
import { jsonCells, looksLikeJson } from './json-table.js';
import type { ImportReport } from './schemas.js';
import { NotStaged, STAGED_VALUES, type StagedParse, stagedFile, stagePopulation } from './staged.js';

/** The indicators a UNHCR population table fills. */
const POPULATION_INDICATORS = ['refugees_hosted', 'asylum_seekers', 'refugees_by_origin', 'asylum_seekers_by_origin'];

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'writing' | 'evaluating';
  done: number;
  total: number;
}

export interface ImportOptions {
  format?: ImportFormat;
  sheet?: SheetFormat;
  dryRun?: boolean;
  mapping?: ColumnMapping;
  indicator?: string;
  fileName?: string;
  source?: string;
  onProgress?: (progress: ImportProgress) => void;
}

/** Who imports: an actor (whose country scope limits the rows) or the operator's command line (null). */
export type Importer = { actor: Actor | null; system: boolean };

const CHUNK = 5000;

class DryRun extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

async function lookups(db: q.Db) {
  const countries = await q.selectCountryCodes(db);
  const indicators = await q.selectIndicators(db);
  const byText = new Map<string, string>();
  for (const c of countries) {
    byText.set(c.iso2.toUpperCase(), c.iso2);
    byText.set(c.iso3.toUpperCase(), c.iso2);
    byText.set(c.name_en.toUpperCase(), c.iso2);
  }
  const frequencies = new Map<string, Frequency>(indicators.map((i) => [i.code, i.frequency]));
  const ids = new Map<string, number>(indicators.map((i) => [i.code, Number(i.id)]));
  const found: Lookups = {
    country: (text) => byText.get(text.trim().toUpperCase()),
    frequency: (code) => frequencies.get(code),
  };
  return { found, ids, byText };
}

/**
 * Imports one file of observations, all or nothing: when any row is rejected nothing is written
 * and the report says which rows and why. Equal values are left alone, changed ones keep their
 * history, and the rules of the indicators touched are evaluated on what changed. `audit` runs in
 * the same transaction. A dry run does all of it and rolls back.
 */
export async function importObservations(
  db: q.Db,
  importer: Importer,
  bytes: Buffer,
  options: ImportOptions,
  audit: (trx: q.Db, report: ImportReport) => Promise<unknown>,
): Promise<ImportReport> {
  const progress = options.onProgress ?? (() => {});
  progress({ phase: 'reading', done: 0, total: 1 });
  const { found, ids, byText } = await lookups(db);
  if (options.indicator && !found.frequency(options.indicator)) {
    throw new Problem('validation', `There is no indicator with the code “${options.indicator}”.`);
  }

  // A UNHCR population table sent as CSV is loaded with COPY and checked in SQL, when it can be
  // taken whole that way (see staged.ts); any other file, or one the staging path sends back, is
  // read below. The staging path runs in a transaction of its own, so never in the caller's.
  const everywhere = importer.system || scopeOf(importer.actor, 'warning.import').all;
  const staged =
    !db.isTransaction && everywhere && !looksLikeJson(bytes) && POPULATION_INDICATORS.every((code) => found.frequency(code))
      ? await stagedFile(bytes, options)
      : undefined;
  if (staged) {
    try {
      return await write(
        db,
        bytes,
        options,
        audit,
        async (trx) => {
          const parsed = await stagePopulation(trx, staged, byText, options.source ?? UNHCR_SOURCE);
          progress({ phase: 'checking', done: 1, total: 1 });
          return { staged: parsed };
        },
        ids,
        importer.actor?.userId ?? null,
      );
    } catch (error) {
      if (!(error instanceof NotStaged)) throw error;
    }
  }

  // JSON (UNHCR's API) is read as a table whatever the upload said it was; anything else as a sheet.
  const sheet =
    options.sheet !== 'xlsx' && looksLikeJson(bytes)
      ? jsonCells(bytes)
      : (await readSheetCells(bytes, { format: options.sheet })).cells;
  const cells = sheet.filter((row) => row.some((c) => c.trim() !== ''));
  if (cells.length < 2) throw new Problem('validation', 'The file holds no rows.');
  const parsed = parseObservations(cells, found, options);
  progress({ phase: 'checking', done: 1, total: 1 });

  // A country-scoped analyst imports for their countries only: one decision for the whole set.
  if (!importer.system) {
    const scope = scopeOf(importer.actor, 'warning.import');
    if (!scope.all) {
      const outside = parsed.candidates.filter((c) => !scope.countries.has(c.country));
      for (const c of outside)
        parsed.rejected.push({ row: c.row, reason: `You may import data for your countries only, not for ${c.country}.` });
      parsed.candidates = parsed.candidates.filter((c) => scope.countries.has(c.country));
    }
  }
  parsed.rejected.sort((a, b) => a.row - b.row);
  if (parsed.rejected.length > 0) return reportOf(parsed, options);
  return write(db, bytes, options, audit, async () => ({ parsed }), ids, importer.actor?.userId ?? null);
}

/** The report of a parsed file, before anything is written. */
function reportOf(parsed: Parsed, options: ImportOptions): ImportReport {
  return {
    applied: false,
    dryRun: options.dryRun ?? false,
    format: parsed.format,
    source: parsed.source,
    method: parsed.method,
    rowCount: parsed.rowCount,
    values: parsed.candidates.length,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    alertsFired: 0,
    rejectedCount: parsed.rejected.length,
    rejected: parsed.rejected.slice(0, 1000),
    skippedCount: parsed.skipped.length,
    skipped: parsed.skipped.slice(0, 100),
    batchId: null,
  };
}

/** The report of a staged parse, whose values wait in a table of the transaction. */
function stagedReportOf(parsed: StagedParse, options: ImportOptions): ImportReport {
  return { ...reportOf({ ...parsed, candidates: [] }, options), values: parsed.values };
}

/** What `write` writes: values found in memory, or a staged parse whose values wait in `STAGED_VALUES`. */
type Prepared = { parsed: Parsed } | { staged: StagedParse };

/**
 * Writes the values `prepare` finds (in the same transaction) as one batch, evaluates the rules
 * they touch and audits the import; a dry run does all of it and rolls back.
 */
async function write(
  db: q.Db,
  bytes: Buffer,
  options: ImportOptions,
  audit: (trx: q.Db, report: ImportReport) => Promise<unknown>,
  prepare: (trx: q.Db) => Promise<Prepared>,
  ids: Map<string, number>,
  actorId: string | null,
): Promise<ImportReport> {
  const progress = options.onProgress ?? (() => {});
  try {
    return await inTransaction(db, async (trx) => {
      const prepared = await prepare(trx);
      const parsed = 'staged' in prepared ? prepared.staged : prepared.parsed;
      const report = 'staged' in prepared ? stagedReportOf(prepared.staged, options) : reportOf(prepared.parsed, options);
      if (report.values === 0) throw new Problem('validation', 'The file holds no values to import.');
      const batchId = await q.insertBatch(trx, {
        source: parsed.source,
        format: parsed.format,
        fileName: options.fileName ?? '',
        sha256: createHash('sha256').update(bytes).digest('hex'),
        rowCount: parsed.rowCount,
        skipped: parsed.skipped.length,
        method: parsed.method,
        actorId,
      });
      let touched: () => Promise<Array<{ indicatorId: number; countries: string[]; from: string }>>;
      if ('staged' in prepared) {
        // One statement for every value, from the table the staging path filled.
        const written = await q.applyObservationsFrom(trx, batchId, STAGED_VALUES);
        report.inserted = written.inserted;
        report.updated = written.updated;
        progress({ phase: 'writing', done: report.values, total: report.values });
        touched = async () =>
          (await q.selectTouchedFrom(trx, STAGED_VALUES)).map((t) => ({
            indicatorId: t.indicator_id,
            countries: t.countries,
            from: t.from_period,
          }));
      } else {
        const rows = prepared.parsed.candidates.map((c) => ({ ...c, indicatorId: ids.get(c.indicator) as number }));
        for (let i = 0; i < rows.length; i += CHUNK) {
          const written = await q.applyObservations(trx, batchId, rows.slice(i, i + CHUNK));
          report.inserted += written.inserted;
          report.updated += written.updated;
          progress({ phase: 'writing', done: Math.min(rows.length, i + CHUNK), total: rows.length });
        }
        touched = async () => {
          const byIndicator = new Map<number, { countries: Set<string>; from: string }>();
          for (const r of rows) {
            const entry = byIndicator.get(r.indicatorId) ?? { countries: new Set<string>(), from: r.period };
            entry.countries.add(r.country);
            if (r.period < entry.from) entry.from = r.period;
            byIndicator.set(r.indicatorId, entry);
          }
          return [...byIndicator].map(([indicatorId, e]) => ({ indicatorId, countries: [...e.countries], from: e.from }));
        };
      }
      report.unchanged = report.values - report.inserted - report.updated;
      if (report.inserted + report.updated === 0) {
        // The same data again: nothing to record, not even the batch.
        await q.deleteBatch(trx, batchId);
      } else {
        await q.finishBatch(trx, batchId, { inserted: report.inserted, updated: report.updated, unchanged: report.unchanged });
        report.batchId = batchId;
        const indicators = await touched();
        for (const [done, entry] of indicators.entries()) {
          progress({ phase: 'evaluating', done, total: indicators.length });
          report.alertsFired += await evaluateRules(
            trx,
            { indicatorIds: [entry.indicatorId] },
            { countries: entry.countries, from: entry.from },
            batchId,
          );
        }
      }
      report.applied = !report.dryRun;
      if (report.dryRun) throw new DryRun({ ...report, batchId: null });
      await audit(trx, report);
      return report;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.report;
    throw error;
  }
}
