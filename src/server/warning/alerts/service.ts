import { allowedSubset, assertAllowed } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { csvOf } from '../../files/sheet-writer.js';
import { Problem } from '../../http/problems.js';
import { presentAlert } from '../indicators/present.js';
import * as rq from '../rules/queries.js';
import type {
  AlertExportQuery,
  AlertPage,
  AlertQuery,
  AlertView,
  BulkDecisionBody,
  BulkDecisionView,
  DecisionBody,
} from './schemas.js';

type Filters = Omit<AlertQuery, 'limit' | 'offset'>;

function filterOf(query: Filters): rq.AlertFilter {
  return {
    status: query.status,
    countries: query.country ? [query.country] : undefined,
    indicator: query.indicator,
    level: query.level,
    ruleId: query.rule,
    flow: query.flow,
  };
}

/** Alerts matching the filters, newest period first, with the sentence that explains each and what the caller may do. */
export async function alertsMatching(ctx: Context, query: Filters, limit: number, offset = 0): Promise<AlertView[]> {
  const rows = await rq.selectAlerts(ctx.db, { ...filterOf(query), limit, offset });
  return rows.map((row) => presentAlert(ctx.actor, row));
}

/** One page of the inbox, with how many alerts match in all and in each country. */
export async function listAlerts(ctx: Context, query: AlertQuery): Promise<AlertPage> {
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  const [items, byCountry] = await Promise.all([
    alertsMatching(ctx, query, limit, offset),
    rq.countAlertsByCountry(ctx.db, { ...filterOf(query), countries: undefined }),
  ]);
  const total = query.country
    ? (byCountry.find((c) => c.country_iso2 === query.country)?.n ?? 0)
    : byCountry.reduce((sum, c) => sum + c.n, 0);
  return { items, total, limit, offset, byCountry: byCountry.map((c) => ({ country: c.country_iso2, count: c.n })) };
}

/** The alerts as CSV, with a row of HXL hashtags when asked. */
export async function exportAlerts(ctx: Context, query: AlertExportQuery): Promise<string> {
  const alerts = await alertsMatching(ctx, query, query.limit ?? 10000);
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
    const changed = await rq.decideAlerts(trx, [id], input.decision, input.note.trim(), actor.userId);
    if (changed.length === 0) throw new Problem('conflict', 'Someone decided on this alert at the same time.');
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

/**
 * Acknowledges or dismisses several open alerts with one note, each audited; all must be in the
 * caller's countries. Alerts someone decided on meanwhile are skipped and counted.
 */
export async function decideOnAlerts(ctx: Context, input: BulkDecisionBody): Promise<BulkDecisionView> {
  assertAllowed(ctx.actor, 'warning.alert.decide');
  const rows = await rq.selectAlerts(ctx.db, { ids: input.ids, limit: input.ids.length });
  if (rows.length < input.ids.length) throw new Problem('not_found', 'Some of these alerts do not exist.');
  const allowed = allowedSubset(ctx.actor, 'warning.alert.decide', rows, (r) => ({ countryIso2: r.country_iso2 }));
  if (allowed.length < rows.length) {
    const outside = [...new Set(rows.filter((r) => !allowed.includes(r)).map((r) => r.country_iso2))].sort();
    throw new Problem('forbidden', `You may not decide on alerts for ${outside.join(', ')}.`);
  }
  const actor = ctx.actor as NonNullable<Context['actor']>;
  return inTransaction(ctx.db, async (trx) => {
    const decided = await rq.decideAlerts(trx, input.ids, input.decision, input.note.trim(), actor.userId);
    for (const id of decided) {
      await audit(trx, ctx, {
        verb: 'warning.alert.decide',
        recordType: 'warning_alert',
        recordId: id,
        details: { decision: input.decision, bulk: true },
      });
    }
    return { decided: decided.length, skipped: input.ids.length - decided.length };
  });
}
