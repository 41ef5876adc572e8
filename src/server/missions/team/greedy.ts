import { counts, coverage, ineligibility, memberCost, requirementsOf, violations } from './rules.js';
import type { PoolExpert, TeamRequest } from './types.js';

/**
 * A greedy heuristic, kept to measure the exact optimiser against: start from the pinned experts,
 * then repeatedly add the cheapest expert among those who close the most open needs.
 * Returns null when it cannot build a valid team (which does not prove that none exists).
 */
export function greedyTeam(pool: readonly PoolExpert[], request: TeamRequest): PoolExpert[] | null {
  const candidates = pool.filter((e) => ineligibility(e, request).length === 0);
  const requirements = requirementsOf(request);
  const team = candidates.filter((e) => request.pinned.includes(e.id));
  if (team.length !== request.pinned.length) return null;
  const cost = new Map(candidates.map((e) => [e.id, sumCost(e, request)]));
  const gain = (expert: PoolExpert) => {
    let total = 0;
    for (const requirement of requirements) {
      const { have, need } = coverage(team, requirement);
      if (have >= need) continue;
      if (requirement.kind === 'organisations') {
        if (!team.some((m) => m.organisationId === expert.organisationId)) total++;
      } else if (counts(expert, requirement)) total++;
    }
    return total;
  };
  while (team.length < request.teamMax) {
    let best: PoolExpert | null = null;
    let bestGain = 0;
    let bestCost = Number.POSITIVE_INFINITY;
    for (const expert of candidates) {
      if (team.includes(expert)) continue;
      const g = gain(expert);
      const c = cost.get(expert.id)!;
      if (g > bestGain || (g === bestGain && g > 0 && c < bestCost)) {
        best = expert;
        bestGain = g;
        bestCost = c;
      }
    }
    if (!best) break;
    team.push(best);
  }
  return violations(team, request).length === 0 ? team : null;
}

function sumCost(expert: PoolExpert, request: TeamRequest): number {
  const c = memberCost(expert, request);
  return c.size + c.load + c.readiness + c.level;
}
