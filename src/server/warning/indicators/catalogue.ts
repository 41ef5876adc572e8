import { assertAllowed, scopeOf } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { periodLabel } from './periods.js';
import { presentIndicator } from './present.js';
import * as q from './queries.js';
import type { CreateIndicatorBody, HistoryQuery, HistoryView, IndicatorView, UpdateIndicatorBody } from './schemas.js';
import { languageOf } from './service.js';

function namesOf(names: CreateIndicatorBody['names']) {
  return {
    name_en: names.en,
    name_fr: names.fr || names.en,
    name_de: names.de || names.en,
    name_it: names.it || names.en,
    name_ru: names.ru || names.en,
    name_es: names.es || names.en,
  };
}

// The catalogue is shared by every country: only a global scope changes it.
function assertCatalogueEditor(ctx: Context) {
  assertAllowed(ctx.actor, 'warning.indicator.edit');
  if (!scopeOf(ctx.actor, 'warning.indicator.edit').all)
    throw new Problem('forbidden', 'Only a global analyst or the co-ordinator changes the indicator catalogue.');
}

/** Adds an indicator to the catalogue. */
export async function createIndicator(ctx: Context, input: CreateIndicatorBody): Promise<IndicatorView> {
  assertCatalogueEditor(ctx);
  return inTransaction(ctx.db, async (trx) => {
    await trx
      .insertInto('warning_indicator')
      .values({
        code: input.code,
        ...namesOf(input.names),
        unit: input.unit,
        source: input.source,
        frequency: input.frequency,
        direction: input.direction,
        description: input.description ?? '',
      })
      .execute();
    await audit(trx, ctx, {
      verb: 'warning.indicator.edit',
      recordType: 'warning_indicator',
      recordId: input.code,
      details: { created: true },
    });
    const row = (await q.selectIndicators(trx)).find((i) => i.code === input.code);
    return presentIndicator(row as q.IndicatorRow, languageOf(ctx));
  });
}

/** Corrects an indicator's names, unit, source, direction or description; its frequency stays, as its periods depend on it. */
export async function updateIndicator(ctx: Context, code: string, input: UpdateIndicatorBody): Promise<IndicatorView> {
  assertCatalogueEditor(ctx);
  return inTransaction(ctx.db, async (trx) => {
    const result = await trx
      .updateTable('warning_indicator')
      .set({
        ...(input.names ? namesOf(input.names) : {}),
        ...(input.unit !== undefined ? { unit: input.unit } : {}),
        ...(input.source !== undefined ? { source: input.source } : {}),
        ...(input.direction !== undefined ? { direction: input.direction } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
      })
      .where('code', '=', code)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new Problem('not_found', `There is no indicator with the code ${code}.`);
    await audit(trx, ctx, {
      verb: 'warning.indicator.edit',
      recordType: 'warning_indicator',
      recordId: code,
      details: { fields: Object.keys(input) },
    });
    const row = (await q.selectIndicators(trx)).find((i) => i.code === code);
    return presentIndicator(row as q.IndicatorRow, languageOf(ctx));
  });
}

/** One value with the earlier values it replaced, for provenance. */
export async function observationHistory(ctx: Context, query: HistoryQuery): Promise<HistoryView> {
  const indicator = (await q.selectIndicators(ctx.db)).find((i) => i.code === query.indicator);
  if (!indicator) throw new Problem('not_found', `There is no indicator with the code ${query.indicator}.`);
  const [current] = await q.selectSeries(ctx.db, {
    indicators: [indicator.code],
    countries: [query.country],
    from: query.period,
    to: query.period,
    limit: 1,
  });
  const revisions = await q.selectRevisions(ctx.db, Number(indicator.id), query.country, query.period);
  return {
    current: current
      ? {
          indicator: current.indicator_code,
          country: current.country_iso2,
          period: current.period,
          label: periodLabel(current.period, indicator.frequency),
          value: Number(current.value),
          source: current.source,
          method: current.method,
          batchId: current.batch_id,
          importedAt: new Date(current.imported_at).toISOString(),
        }
      : null,
    revisions: revisions.map((r) => ({
      value: Number(r.value),
      source: r.source,
      batchId: r.batch_id,
      replacedByBatchId: r.replaced_by_batch_id,
      replacedAt: new Date(r.replaced_at).toISOString(),
    })),
  };
}
