import { allowedSubset, assertAllowed } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { csvOf } from '../../files/sheet-writer.js';
import { Problem } from '../../http/problems.js';
import { presentAlert } from '../indicators/present.js';
import * as rq from '../rules/queries.js';
import type { AlertQuery, AlertView, DecisionBody } from './schemas.js';

/** Alerts, newest period first, with the sentence that explains each and what the caller may do. */
export async function listAlerts(ctx: Context, query: AlertQuery): Promise<AlertView[]> {
  const rows = await rq.selectAlerts(ctx.db, {
    status: query.status,
    countries: query.country ? [query.country] : undefined,
    indicator: query.indicator,
    limit: query.limit ?? 500,
  });
  return rows.map((row) => presentAlert(ctx.actor, row));
}

/** The alerts as CSV, with a row of HXL hashtags when asked. */
export async function exportAlerts(ctx: Context, query: AlertQuery): Promise<string> {
  const alerts = await listAlerts(ctx, { ...query, limit: query.limit ?? 10000 });
  const header = [
    'country',
    'indicator',
    'period',
    'value',
    'reference',
    'measure',
    'threshold',
    'level',
    'rule',
    'status',
    'fired_at',
    'explanation',
  ];
  const hxl = [
    '#country+code',
    '#indicator+code',
    '#date',
    '#value',
    '#value+reference',
    '#value+measure',
    '#value+threshold',
    '#severity',
    '#meta+rule',
    '#status',
    '#date+fired',
    '#description',
  ];
  return csvOf([
    header,
    ...(query.hxl ? [hxl] : []),
    ...alerts.map((a) => [
      a.country,
      a.indicator,
      a.label,
      a.value,
      a.referenceValue ?? '',
      a.measure,
      a.threshold,
      a.level,
      a.rule.name,
      a.status,
      a.firedAt,
      a.explanation,
    ]),
  ]);
}

/** Acknowledges or dismisses an open alert, with a note; analysts scoped to countries decide on theirs only. */
export async function decideOnAlert(ctx: Context, id: string, input: DecisionBody): Promise<AlertView> {
  assertAllowed(ctx.actor, 'warning.alert.decide');
  const [row] = await rq.selectAlerts(ctx.db, { id, limit: 1 });
  if (!row) throw new Problem('not_found', 'There is no such alert.');
  if (allowedSubset(ctx.actor, 'warning.alert.decide', [row], (r) => ({ countryIso2: r.country_iso2 })).length === 0) {
    throw new Problem('forbidden', `You may not decide on alerts for ${row.country_iso2}.`);
  }
  if (row.status !== 'open') throw new Problem('conflict', `This alert was already ${row.status}.`);
  const actor = ctx.actor as NonNullable<Context['actor']>;
  return inTransaction(ctx.db, async (trx) => {
    const changed = await rq.decideAlert(trx, id, input.decision, input.note.trim(), actor.userId);
    if (changed === 0) throw new Problem('conflict', 'Someone decided on this alert at the same time.');
    await audit(trx, ctx, {
      verb: 'warning.alert.decide',
      recordType: 'warning_alert',
      recordId: id,
      details: { decision: input.decision },
    });
    const [after] = await rq.selectAlerts(trx, { id, limit: 1 });
    return presentAlert(ctx.actor, after as NonNullable<typeof after>);
  });
}
