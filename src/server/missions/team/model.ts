import { counts, memberCost, requirementsOf } from './rules.js';
import type { PoolExpert, Requirement, TeamRequest } from './types.js';

/**
 * The mixed-integer model in CPLEX LP format, one term per line: the format's reader limits
 * line length, and a requirement that hundreds of experts meet would otherwise make one long line.
 * x<i> = 1 when candidate i is in the team; g ≥ |women − men|; z<o> = 1 when organisation o is
 * represented. In the elastic form every "at least" row gets a slack s<j> and the objective is
 * the total shortfall: the nearest feasible relaxation.
 *
 * Only the candidates who could be in a best team are in the model (`modelCandidates`); each keeps
 * its position among all candidates as its name, x<i>, so the answer reads the same either way.
 */
export interface BuiltModel {
  lp: string;
  requirements: Requirement[];
  /** positions, among the candidates, of those in the model */
  kept: number[];
}

const num = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(6));

function term(coefficient: number, name: string): string {
  return coefficient < 0 ? ` - ${num(-coefficient)} ${name}` : ` + ${num(coefficient)} ${name}`;
}

/** The objective's coefficient of candidate i, as the model writes it (to six decimals). */
function coefficientOf(expert: PoolExpert, request: TeamRequest, i: number): number {
  const cost = memberCost(expert, request);
  const c = cost.size + cost.load + cost.readiness + cost.level;
  // A tiny tie-break by position keeps the answer the same from run to run.
  return Number(num(c + i * 1e-9));
}

/** What the model can tell apart about a member: for women and men, the balance; anyone else, neither. */
const genderClass = (expert: PoolExpert) => (expert.gender === 'female' || expert.gender === 'male' ? expert.gender : '-');

/**
 * The positions of the candidates who could be in a best team. Two candidates the model cannot tell
 * apart but by cost — who meet the same requirements, of the same gender class and (when the team
 * needs several organisations) of the same organisation — can be swapped in any team without
 * breaking a constraint; so of each such group only the `teamMax` cheapest (by the coefficient the
 * model would give them, then by position) can be in a best team: a team holding another one lacks
 * at least one of those, and would be cheaper with it instead. Pinned experts are always kept. The
 * same holds for the elastic model, whose rows are the same. With tens of thousands of candidates
 * most of them meet none of a mission's few requirements, and this leaves a few thousand.
 */
export function modelCandidates(candidates: readonly PoolExpert[], request: TeamRequest, requirements: Requirement[]): number[] {
  const perMember = requirements.filter((r) => r.kind === 'competence' || r.kind === 'language' || r.kind === 'dimension');
  const byOrganisation = requirements.some((r) => r.kind === 'organisations');
  const pinned = new Set(request.pinned);
  const groups = new Map<string, Array<{ i: number; coefficient: number }>>();
  const kept: number[] = [];
  candidates.forEach((expert, i) => {
    if (pinned.has(expert.id)) {
      kept.push(i);
      return;
    }
    let key = genderClass(expert);
    for (const requirement of perMember) key += counts(expert, requirement) ? '1' : '0';
    if (byOrganisation) key += `|${expert.organisationId}`;
    const coefficient = coefficientOf(expert, request, i);
    const group = groups.get(key);
    if (group) group.push({ i, coefficient });
    else groups.set(key, [{ i, coefficient }]);
  });
  for (const group of groups.values()) {
    if (group.length > request.teamMax) group.sort((a, b) => a.coefficient - b.coefficient || a.i - b.i);
    for (const { i } of group.slice(0, request.teamMax)) kept.push(i);
  }
  return kept.sort((a, b) => a - b);
}

export function buildModel(candidates: readonly PoolExpert[], request: TeamRequest, elastic = false): BuiltModel {
  const requirements = requirementsOf(request);
  const kept = modelCandidates(candidates, request, requirements);
  const lines: string[] = ['Minimize', ' obj:'];
  if (elastic) {
    for (let j = 0; j < requirements.length; j++) lines.push(term(1, `s${j}`));
  } else {
    for (const i of kept) lines.push(term(coefficientOf(candidates[i]!, request, i), `x${i}`));
    lines.push(term(request.weights.gender, 'g'));
  }
  lines.push('Subject To');
  const row = (name: string, terms: string[], sense: string, rhs: number) => {
    lines.push(` ${name}:`);
    if (terms.length === 0) lines.push(` 0 x${kept[0] ?? 0}`);
    else for (const t of terms) lines.push(t);
    lines.push(` ${sense} ${num(rhs)}`);
  };
  const organisations = [...new Set(kept.map((i) => candidates[i]!.organisationId))];
  requirements.forEach((requirement, j) => {
    const slack = elastic ? [term(1, `s${j}`)] : [];
    if (requirement.kind === 'organisations') {
      row(`r${j}`, [...organisations.map((_, o) => term(1, `z${o}`)), ...slack], '>=', requirement.count);
      return;
    }
    const terms: string[] = [];
    for (const i of kept) if (counts(candidates[i]!, requirement)) terms.push(term(1, `x${i}`));
    for (const s of slack) terms.push(s);
    const need = requirement.kind === 'competence' || requirement.kind === 'team_min' ? requirement.count : 1;
    row(`r${j}`, terms, '>=', need);
  });
  row(
    'size_max',
    kept.map((i) => term(1, `x${i}`)),
    '<=',
    request.teamMax,
  );
  if (requirements.some((r) => r.kind === 'organisations')) {
    const members = new Map<string, string[]>(organisations.map((organisation, o) => [organisation, [term(1, `z${o}`)]]));
    for (const i of kept) members.get(candidates[i]!.organisationId)!.push(term(-1, `x${i}`));
    organisations.forEach((organisation, o) => {
      row(`org${o}`, members.get(organisation)!, '<=', 0);
    });
  }
  if (!elastic) {
    const balance = (sign: number) => {
      const terms = [term(1, 'g')];
      for (const i of kept) {
        const gender = candidates[i]!.gender;
        if (gender === 'female') terms.push(term(sign, `x${i}`));
        else if (gender === 'male') terms.push(term(-sign, `x${i}`));
      }
      return terms;
    };
    row('gender_a', balance(-1), '>=', 0);
    row('gender_b', balance(1), '>=', 0);
  }
  lines.push('Bounds');
  const pinned = new Set(request.pinned);
  for (const i of kept) lines.push(pinned.has(candidates[i]!.id) ? ` x${i} = 1` : ` 0 <= x${i} <= 1`);
  if (!elastic) lines.push(' g >= 0');
  lines.push('Binary');
  for (const i of kept) if (!pinned.has(candidates[i]!.id)) lines.push(` x${i}`);
  for (let o = 0; o < organisations.length; o++) lines.push(` z${o}`);
  lines.push('End', '');
  return { lp: lines.join('\n'), requirements, kept };
}
