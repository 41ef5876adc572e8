import { DIMENSIONS } from '../../reference/values.js';
import type { Ineligibility, ObjectiveParts, PoolExpert, Requirement, TeamRequest } from './types.js';

/** Why an expert cannot join this mission at all (empty when they can). */
export function ineligibility(expert: PoolExpert, request: TeamRequest): Ineligibility[] {
  const reasons: Ineligibility[] = [];
  if (request.excluded.includes(expert.id)) reasons.push('excluded');
  if (expert.readiness === 'not_deployable') reasons.push('not_deployable');
  if (!expert.available) reasons.push('not_available');
  if (expert.nationalities.some((c) => request.hostCountries.includes(c))) reasons.push('national_of_host');
  if (expert.usedDays + request.days > expert.capDays) reasons.push('over_cap');
  for (const code of request.requiredPrerequisites) {
    if (!(code in expert.prerequisites)) {
      reasons.push('prerequisite_missing');
      break;
    }
    const expires = expert.prerequisites[code];
    // A prerequisite must still be valid on the mission's last day.
    if (expires !== null && expires !== undefined && expires < request.endsOn) {
      reasons.push('prerequisite_missing');
      break;
    }
  }
  return reasons;
}

/** The requirements a team must meet, in a stable order (pinned experts aside). */
export function requirementsOf(request: TeamRequest): Requirement[] {
  const list: Requirement[] = [];
  for (const c of request.competences) list.push({ kind: 'competence', ...c });
  for (const l of request.languages) list.push({ kind: 'language', ...l });
  if (request.allDimensions) {
    for (const code of DIMENSIONS) list.push({ kind: 'dimension', code });
  }
  if (request.minOrganisations > 1) list.push({ kind: 'organisations', count: request.minOrganisations });
  list.push({ kind: 'team_min', count: request.teamMin });
  return list;
}

/** Whether the expert counts towards a per-member requirement (competence, language, dimension). */
export function counts(expert: PoolExpert, requirement: Requirement): boolean {
  switch (requirement.kind) {
    case 'competence':
      return (expert.competences[requirement.code] ?? 0) >= requirement.minLevel;
    case 'language': {
      const held = expert.languages[requirement.code];
      return held !== undefined && held[requirement.skill] >= requirement.minLevel;
    }
    case 'dimension':
      return expert.dimensions.includes(requirement.code);
    default:
      return true;
  }
}

/** How many units of the requirement the team has, and how many it needs. */
export function coverage(team: readonly PoolExpert[], requirement: Requirement): { have: number; need: number } {
  switch (requirement.kind) {
    case 'competence':
      return { have: team.filter((e) => counts(e, requirement)).length, need: requirement.count };
    case 'language':
    case 'dimension':
      return { have: team.some((e) => counts(e, requirement)) ? 1 : 0, need: 1 };
    case 'organisations':
      return { have: new Set(team.map((e) => e.organisationId)).size, need: requirement.count };
    case 'team_min':
      return { have: team.length, need: requirement.count };
    case 'pinned':
      return { have: team.some((e) => e.id === requirement.expertId) ? 1 : 0, need: 1 };
  }
}

/** Every hard constraint the team breaks, as readable strings (empty for a valid team). */
export function violations(team: readonly PoolExpert[], request: TeamRequest): string[] {
  const found: string[] = [];
  if (team.length > request.teamMax) found.push(`team larger than ${request.teamMax}`);
  if (new Set(team.map((e) => e.id)).size !== team.length) found.push('a member appears twice');
  for (const expert of team) {
    const reasons = ineligibility(expert, request);
    if (reasons.length > 0) found.push(`${expert.name}: ${reasons.join(', ')}`);
  }
  for (const id of request.pinned) if (!team.some((e) => e.id === id)) found.push(`pinned ${id} missing`);
  for (const requirement of requirementsOf(request)) {
    const { have, need } = coverage(team, requirement);
    if (have < need) found.push(`${requirement.kind} ${JSON.stringify(requirement)}: ${have} of ${need}`);
  }
  return found;
}

/** The part of the objective that belongs to one member (everything but gender balance). */
export function memberCost(expert: PoolExpert, request: TeamRequest) {
  const w = request.weights;
  let levelBonus = 0;
  for (const c of request.competences) {
    const level = expert.competences[c.code] ?? 0;
    if (level >= c.minLevel) levelBonus += (level - c.minLevel) / 2;
  }
  for (const l of request.languages) {
    const held = expert.languages[l.code]?.[l.skill] ?? 0;
    if (held >= l.minLevel) levelBonus += (held - l.minLevel) / 5;
  }
  const load = expert.capDays > 0 ? expert.usedDays / expert.capDays : 1;
  return {
    size: w.size,
    load: w.load * load,
    readiness: expert.readiness === 'ready_with_induction' ? w.readiness : 0,
    level: -w.level * levelBonus,
  };
}

/** The objective of a team, split into its parts; lower is better. */
export function objectiveOf(team: readonly PoolExpert[], request: TeamRequest): ObjectiveParts {
  const parts = { size: 0, gender: 0, load: 0, level: 0, readiness: 0, total: 0 };
  for (const expert of team) {
    const cost = memberCost(expert, request);
    parts.size += cost.size;
    parts.load += cost.load;
    parts.readiness += cost.readiness;
    parts.level += cost.level;
  }
  const women = team.filter((e) => e.gender === 'female').length;
  const men = team.filter((e) => e.gender === 'male').length;
  parts.gender = request.weights.gender * Math.abs(women - men);
  parts.total = parts.size + parts.gender + parts.load + parts.level + parts.readiness;
  return parts;
}
