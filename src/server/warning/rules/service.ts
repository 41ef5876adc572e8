import { assertAllowed } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { mayActOn, presentRule } from '../indicators/present.js';
import * as q from '../indicators/queries.js';
import { evaluateRules } from './evaluate.js';
import * as rq from './queries.js';
import type { CreateRuleBody, RuleView, UpdateRuleBody } from './schemas.js';

/** Every rule, with what the caller may do to each. */
export async function listRules(ctx: Context): Promise<RuleView[]> {
  return (await rq.selectRules(ctx.db)).map((row) => presentRule(ctx.actor, row));
}

function checkRuleShape(kind: CreateRuleBody['kind'], threshold: number, windowPeriods: number | null) {
  if (kind === 'zscore' && windowPeriods === null)
    throw new Problem('validation', 'A z-score rule needs a window of 3 to 120 periods.');
  if (kind !== 'zscore' && windowPeriods !== null) throw new Problem('validation', 'Only a z-score rule has a window.');
  if (kind === 'zscore' && threshold <= 0)
    throw new Problem('validation', 'The z-score threshold is a positive number of standard deviations.');
}

/** Creates a rule (for every country only with a global scope) and evaluates it on every stored value. */
export async function createRule(ctx: Context, input: CreateRuleBody): Promise<RuleView> {
  assertAllowed(ctx.actor, 'warning.rule.edit');
  const country = input.country ?? null;
  if (!mayActOn(ctx.actor, 'warning.rule.edit', country)) {
    throw new Problem(
      'forbidden',
      country ? `You may not set rules for ${country}.` : 'Only a global analyst sets rules for every country.',
    );
  }
  const windowPeriods = input.windowPeriods ?? null;
  checkRuleShape(input.kind, input.threshold, windowPeriods);
  const indicator = (await q.selectIndicators(ctx.db)).find((i) => i.code === input.indicator);
  if (!indicator) throw new Problem('validation', `There is no indicator with the code ${input.indicator}.`);
  return inTransaction(ctx.db, async (trx) => {
    const id = await rq.insertRule(trx, {
      indicatorId: Number(indicator.id),
      country,
      kind: input.kind,
      threshold: input.threshold,
      windowPeriods,
      level: input.level,
      name: input.name.trim(),
      minimumBase: input.minimumBase ?? null,
      actorId: ctx.actor?.userId ?? null,
    });
    const fired = await evaluateRules(trx, { ruleId: id });
    await audit(trx, ctx, {
      verb: 'warning.rule.edit',
      recordType: 'warning_rule',
      recordId: id,
      details: { created: true, alertsFired: fired },
    });
    const [row] = await rq.selectRules(trx, id);
    return presentRule(ctx.actor, row as rq.RuleRowOut);
  });
}

/** Changes a rule and evaluates it again; alerts already recorded keep the threshold that fired them. */
export async function updateRule(ctx: Context, id: string, input: UpdateRuleBody): Promise<RuleView> {
  assertAllowed(ctx.actor, 'warning.rule.edit');
  const [existing] = await rq.selectRules(ctx.db, id);
  if (!existing) throw new Problem('not_found', 'There is no such rule.');
  if (!mayActOn(ctx.actor, 'warning.rule.edit', existing.country_iso2)) throw new Problem('forbidden');
  checkRuleShape(
    existing.kind,
    input.threshold ?? existing.threshold,
    existing.kind === 'zscore' ? (input.windowPeriods ?? existing.window_periods) : (input.windowPeriods ?? null),
  );
  return inTransaction(ctx.db, async (trx) => {
    await rq.updateRule(trx, id, {
      ...(input.threshold !== undefined ? { threshold: input.threshold } : {}),
      ...(input.windowPeriods !== undefined ? { window_periods: input.windowPeriods } : {}),
      ...(input.level !== undefined ? { level: input.level } : {}),
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.minimumBase !== undefined ? { minimum_base: input.minimumBase } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    });
    const fired = await evaluateRules(trx, { ruleId: id });
    // A raised minimum base closes the open alerts it would not have raised, with a note saying so.
    const belowBase =
      input.minimumBase != null ? await rq.dismissBelowBase(trx, id, input.minimumBase, 'Below the rule’s minimum base.') : 0;
    await audit(trx, ctx, {
      verb: 'warning.rule.edit',
      recordType: 'warning_rule',
      recordId: id,
      details: { fields: Object.keys(input), alertsFired: fired, alertsBelowBase: belowBase },
    });
    const [row] = await rq.selectRules(trx, id);
    return presentRule(ctx.actor, row as rq.RuleRowOut);
  });
}
