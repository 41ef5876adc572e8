import { type FieldError, Problem } from '../../http/problems.js';
import type { Criterion, KeyDefinition, KeyResult, StateResult } from './schemas.js';

/** The criterion whose zero makes a State ineligible: a State with no inhabitants receives no one. */
export const POPULATION = 'population';
export const MAX_CAP = 10;
const WEIGHT_TOLERANCE = 1e-6;

function invalid(message: string, errors: FieldError[]): never {
  throw new Problem('validation', message, { errors });
}

/** Checks a key definition and says, field by field, what is wrong with it. */
export function validateDefinition(definition: KeyDefinition): void {
  const { criteria, states } = definition;
  if (criteria.length === 0)
    invalid('A key needs at least one criterion.', [{ pointer: '/criteria', message: 'Add a criterion.' }]);
  if (states.length === 0) {
    invalid('The group of States is empty: add at least one State.', [{ pointer: '/states', message: 'Add a State.' }]);
  }
  const errors: FieldError[] = [];
  const codes = new Set<string>();
  criteria.forEach((criterion, i) => {
    if (codes.has(criterion.code))
      errors.push({ pointer: `/criteria/${i}/code`, message: `The criterion ${criterion.code} appears twice.` });
    codes.add(criterion.code);
    if (!Number.isFinite(criterion.weight) || criterion.weight <= 0 || criterion.weight > 1) {
      errors.push({ pointer: `/criteria/${i}/weight`, message: 'A weight is above 0 and at most 1.' });
    }
    if (criterion.cap !== undefined && criterion.cap !== null && !(criterion.cap > 0 && criterion.cap <= MAX_CAP)) {
      errors.push({
        pointer: `/criteria/${i}/cap`,
        message: `A cap is a multiple of the base share above 0 and at most ${MAX_CAP} (0.3 caps the effect at 30 % of the base share).`,
      });
    }
  });
  if (errors.length > 0) invalid(errors.map((e) => e.message).join(' '), errors);
  const sum = criteria.reduce((acc, c) => acc + c.weight, 0);
  if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
    invalid(`The weights sum to ${Number(sum.toFixed(6))}; they must sum to 1.`, [
      { pointer: '/criteria', message: 'Make the weights sum to 1.' },
    ]);
  }
  if (criteria.every((c) => c.cap !== undefined && c.cap !== null)) {
    invalid('At least one criterion must have no cap: the uncapped criteria form the base share.', [
      { pointer: '/criteria', message: 'Remove the cap of one criterion.' },
    ]);
  }
  const seen = new Set<string>();
  const beneficiaries = new Set(definition.beneficiaries ?? []);
  states.forEach((state, s) => {
    if (seen.has(state.iso2)) errors.push({ pointer: `/states/${s}/iso2`, message: `${state.iso2} appears twice in the group.` });
    seen.add(state.iso2);
    for (const code of Object.keys(state.values)) {
      if (!codes.has(code))
        errors.push({ pointer: `/states/${s}/values/${code}`, message: `${code} is not a criterion of this key.` });
    }
    const eligible = (state.values[POPULATION] ?? 1) !== 0 && !beneficiaries.has(state.iso2);
    criteria.forEach((criterion) => {
      const value = state.values[criterion.code];
      const pointer = `/states/${s}/values/${criterion.code}`;
      if (value === undefined || value === null || !Number.isFinite(value)) {
        errors.push({ pointer, message: `${state.iso2} has no value for ${criterion.label}.` });
      } else if (value < 0) {
        errors.push({ pointer, message: `${state.iso2} has a negative value for ${criterion.label}.` });
      } else if (value === 0 && criterion.direction === 'inverse' && eligible) {
        errors.push({ pointer, message: `${criterion.label} is an inverse criterion: ${state.iso2} needs a value above 0.` });
      }
    });
  });
  const members = new Set(states.map((state) => state.iso2));
  const listed = new Set<string>();
  (definition.beneficiaries ?? []).forEach((iso2, b) => {
    if (!members.has(iso2))
      errors.push({ pointer: `/beneficiaries/${b}`, message: `${iso2} is a beneficiary but not a State of the group.` });
    if (listed.has(iso2)) errors.push({ pointer: `/beneficiaries/${b}`, message: `${iso2} is listed twice as a beneficiary.` });
    listed.add(iso2);
  });
  if (errors.length === 0 && states.every((state) => beneficiaries.has(state.iso2))) {
    errors.push({
      pointer: '/beneficiaries',
      message: 'Every State of the group is a beneficiary: leave at least one to receive.',
    });
  }
  if (errors.length > 0)
    invalid(
      errors
        .slice(0, 5)
        .map((e) => e.message)
        .join(' '),
      errors,
    );
}

/** Each eligible State's share of one criterion; ineligible States get 0. */
function criterionShares(criterion: Criterion, states: KeyDefinition['states'], eligible: boolean[]): number[] {
  const raw = states.map((state, s) => {
    if (!eligible[s]) return 0;
    const value = state.values[criterion.code] as number;
    return criterion.direction === 'inverse' ? 1 / value : value;
  });
  const sum = raw.reduce((acc, v) => acc + v, 0);
  if (!(sum > 0)) {
    invalid(`No State of the group has a value above 0 for ${criterion.label}.`, [
      { pointer: '/states', message: `Give at least one State a value above 0 for ${criterion.label}.` },
    ]);
  }
  return raw.map((v) => v / sum);
}

/**
 * Rounds quotas to whole units that sum exactly to the total (largest remainder, Hamilton).
 * Ties go to the larger share, then to the earlier ISO code, so the result never depends on order.
 * A State whose share is 0 never receives a unit.
 */
export function largestRemainder(shares: readonly number[], total: number, tieBreak: readonly string[]): number[] {
  const sum = shares.reduce((acc, v) => acc + v, 0);
  if (total === 0 || !(sum > 0)) return shares.map(() => 0);
  const quotas = shares.map((share) => (share / sum) * total);
  const result = quotas.map((q) => Math.floor(q));
  let remaining = total - result.reduce((acc, v) => acc + v, 0);
  const order = shares
    .map((share, i) => ({ i, share, remainder: (quotas[i] as number) - (result[i] as number) }))
    .filter((entry) => entry.share > 0)
    .sort(
      (a, b) =>
        b.remainder - a.remainder || b.share - a.share || (tieBreak[a.i] as string).localeCompare(tieBreak[b.i] as string),
    );
  // Floating-point sums can leave the remaining units a hair outside 0..n; loop rather than assume.
  for (let k = 0; remaining > 0; k = (k + 1) % order.length, remaining--) result[(order[k] as { i: number }).i]! += 1;
  for (let k = order.length - 1; remaining < 0; k = (k - 1 + order.length) % order.length) {
    const i = (order[k] as { i: number }).i;
    if ((result[i] as number) > 0) {
      result[i]! -= 1;
      remaining++;
    }
  }
  return result;
}

/**
 * Computes a distribution key: the shares by criterion, capped where a cap is set (at cap × the
 * State's base share, the base share being the weighted mean of the uncapped criteria), what the
 * caps removed spread again by the base share, and the total allocated by largest remainder.
 * This is the formula of the 2015 EU relocation key as restated by Grech (2016). The beneficiaries
 * of the scheme, like States without inhabitants, take no part: every share is computed among the
 * others, and they receive nothing.
 */
export function computeKey(definition: KeyDefinition): KeyResult {
  validateDefinition(definition);
  const { criteria, states, total } = definition;
  const beneficiaries = new Set(definition.beneficiaries ?? []);
  const eligible = states.map((state) => (state.values[POPULATION] ?? 1) !== 0 && !beneficiaries.has(state.iso2));
  if (!eligible.some(Boolean)) {
    invalid('Every State of the group has zero population.', [{ pointer: '/states', message: 'Add a State with inhabitants.' }]);
  }
  const shares = criteria.map((criterion) => criterionShares(criterion, states, eligible));
  const uncapped = criteria.map((c, k) => ({ c, k })).filter(({ c }) => c.cap === undefined || c.cap === null);
  const baseWeight = uncapped.reduce((acc, { c }) => acc + c.weight, 0);
  const base = states.map(
    (_, s) => uncapped.reduce((acc, { c, k }) => acc + c.weight * (shares[k]![s] as number), 0) / baseWeight,
  );

  const contributions = states.map((_, s) =>
    criteria.map((criterion, k) => {
      const share = shares[k]![s] as number;
      const limit =
        criterion.cap === undefined || criterion.cap === null ? Number.POSITIVE_INFINITY : criterion.cap * (base[s] as number);
      const capped = share > limit;
      return { criterion: criterion.code, share: criterion.weight * (capped ? limit : share), capped };
    }),
  );
  const allocated = contributions.reduce((acc, list) => acc + list.reduce((a, c) => a + c.share, 0), 0);
  const residualShare = Math.max(0, 1 - allocated);
  const stateShares = states.map(
    (_, s) => contributions[s]!.reduce((acc, c) => acc + c.share, 0) + residualShare * (base[s] as number),
  );
  const allocations = largestRemainder(
    stateShares,
    total,
    states.map((state) => state.iso2),
  );
  const results: StateResult[] = states.map((state, s) => ({
    iso2: state.iso2,
    eligible: eligible[s] as boolean,
    beneficiary: beneficiaries.has(state.iso2),
    share: stateShares[s] as number,
    quota: (stateShares[s] as number) * total,
    allocation: allocations[s] as number,
    contributions: contributions[s] as StateResult['contributions'],
    residual: residualShare * (base[s] as number),
  }));
  return { total, baseCriteria: uncapped.map(({ c }) => c.code), residualShare, states: results };
}
