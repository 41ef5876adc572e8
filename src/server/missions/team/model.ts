import { counts, memberCost, requirementsOf } from './rules.js';
import type { PoolExpert, Requirement, TeamRequest } from './types.js';

/**
 * The mixed-integer model in CPLEX LP format, one term per line: the format's reader limits
 * line length, and a requirement that hundreds of experts meet would otherwise make one long line.
 * x<i> = 1 when candidate i is in the team; g ≥ |women − men|; z<o> = 1 when organisation o is
 * represented. In the elastic form every "at least" row gets a slack s<j> and the objective is
 * the total shortfall: the nearest feasible relaxation.
 */
export interface BuiltModel {
  lp: string;
  requirements: Requirement[];
}

const num = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(6));

function term(coefficient: number, name: string): string {
  return coefficient < 0 ? ` - ${num(-coefficient)} ${name}` : ` + ${num(coefficient)} ${name}`;
}

export function buildModel(candidates: readonly PoolExpert[], request: TeamRequest, elastic = false): BuiltModel {
  const requirements = requirementsOf(request);
  const lines: string[] = ['Minimize', ' obj:'];
  if (elastic) {
    for (let j = 0; j < requirements.length; j++) lines.push(term(1, `s${j}`));
  } else {
    candidates.forEach((expert, i) => {
      const cost = memberCost(expert, request);
      const c = cost.size + cost.load + cost.readiness + cost.level;
      // A tiny tie-break by position keeps the answer the same from run to run.
      lines.push(term(c + i * 1e-9, `x${i}`));
    });
    lines.push(term(request.weights.gender, 'g'));
  }
  lines.push('Subject To');
  const row = (name: string, terms: string[], sense: string, rhs: number) => {
    lines.push(` ${name}:`);
    if (terms.length === 0) lines.push(' 0 x0');
    else lines.push(...terms);
    lines.push(` ${sense} ${num(rhs)}`);
  };
  const organisations = [...new Set(candidates.map((e) => e.organisationId))];
  requirements.forEach((requirement, j) => {
    const slack = elastic ? [term(1, `s${j}`)] : [];
    if (requirement.kind === 'organisations') {
      row(`r${j}`, [...organisations.map((_, o) => term(1, `z${o}`)), ...slack], '>=', requirement.count);
      return;
    }
    const terms: string[] = [];
    candidates.forEach((expert, i) => {
      if (counts(expert, requirement)) terms.push(term(1, `x${i}`));
    });
    const need = requirement.kind === 'competence' || requirement.kind === 'team_min' ? requirement.count : 1;
    row(`r${j}`, [...terms, ...slack], '>=', need);
  });
  row(
    'size_max',
    candidates.map((_, i) => term(1, `x${i}`)),
    '<=',
    request.teamMax,
  );
  if (requirements.some((r) => r.kind === 'organisations')) {
    organisations.forEach((organisation, o) => {
      const members = candidates.flatMap((e, i) => (e.organisationId === organisation ? [term(-1, `x${i}`)] : []));
      row(`org${o}`, [term(1, `z${o}`), ...members], '<=', 0);
    });
  }
  if (!elastic) {
    const balance = (sign: number) =>
      candidates.flatMap((e, i) =>
        e.gender === 'female' ? [term(sign, `x${i}`)] : e.gender === 'male' ? [term(-sign, `x${i}`)] : [],
      );
    row('gender_a', [term(1, 'g'), ...balance(-1)], '>=', 0);
    row('gender_b', [term(1, 'g'), ...balance(1)], '>=', 0);
  }
  lines.push('Bounds');
  const pinned = new Set(request.pinned);
  candidates.forEach((expert, i) => {
    lines.push(pinned.has(expert.id) ? ` x${i} = 1` : ` 0 <= x${i} <= 1`);
  });
  if (!elastic) lines.push(' g >= 0');
  lines.push('Binary');
  candidates.forEach((_, i) => {
    if (!pinned.has(candidates[i]!.id)) lines.push(` x${i}`);
  });
  for (let o = 0; o < organisations.length; o++) lines.push(` z${o}`);
  lines.push('End', '');
  return { lp: lines.join('\n'), requirements };
}
