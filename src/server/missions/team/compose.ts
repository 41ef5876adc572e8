import { type SolveOptions, solveLp } from '../../solver/highs.js';
import { buildModel } from './model.js';
import { counts, coverage, ineligibility, memberCost, objectiveOf, violations } from './rules.js';
import { CEFR, type Ineligibility, type ObjectiveParts, type PoolExpert, type Requirement, type TeamRequest } from './types.js';

export interface ProposedMember {
  expertId: string;
  name: string;
  /** keys of the requirements this member counts towards */
  covers: string[];
  /** experts who could take this member's place, the team staying valid */
  alternatives: Array<{ expertId: string; name: string }>;
}

export interface DiagnosisItem {
  key: string;
  requirement: Requirement;
  have: number;
  need: number;
  /** the nearest relaxation that eligible experts would meet, e.g. a lower level */
  message: string;
}

export type Composition =
  | {
      feasible: true;
      team: ProposedMember[];
      objective: ObjectiveParts;
      requirements: Array<{ key: string; requirement: Requirement; coveredBy: string[] }>;
      candidates: number;
      optimal: boolean;
    }
  | { feasible: false; diagnosis: DiagnosisItem[]; candidates: number };

/** Names for messages: competence and language codes to names; codes are used when absent. */
export interface Names {
  competence?: (code: string) => string;
  language?: (code: string) => string;
}

export const DEFAULT_SOLVE: SolveOptions = { timeLimit: 20, mipGap: 1e-4 };

export function requirementKey(r: Requirement): string {
  switch (r.kind) {
    case 'competence':
      return `competence:${r.code}`;
    case 'language':
      return `language:${r.code}:${r.skill}`;
    case 'dimension':
      return `dimension:${r.code}`;
    case 'pinned':
      return `pinned:${r.expertId}`;
    default:
      return r.kind;
  }
}

/** Proposes the best team for the mission from the pool, or explains why there is none. */
export async function composeTeam(
  pool: readonly PoolExpert[],
  request: TeamRequest,
  names: Names = {},
  solve: SolveOptions = DEFAULT_SOLVE,
): Promise<Composition> {
  const candidates = pool.filter((e) => ineligibility(e, request).length === 0);
  const pinnedProblems: DiagnosisItem[] = request.pinned.flatMap((id) => {
    if (candidates.some((e) => e.id === id)) return [];
    const expert = pool.find((e) => e.id === id);
    const reasons: Ineligibility[] = expert ? ineligibility(expert, request) : ['not_available'];
    const requirement: Requirement = { kind: 'pinned', expertId: id, reasons };
    return [
      {
        key: requirementKey(requirement),
        requirement,
        have: 0,
        need: 1,
        message: `${expert?.name ?? 'A pinned expert'} cannot join this mission: ${reasons.map((r) => r.replaceAll('_', ' ')).join(', ')}.`,
      },
    ];
  });
  if (pinnedProblems.length > 0) return { feasible: false, diagnosis: pinnedProblems, candidates: candidates.length };
  if (request.pinned.length > request.teamMax) {
    const requirement: Requirement = { kind: 'team_min', count: request.pinned.length };
    return {
      feasible: false,
      candidates: candidates.length,
      diagnosis: [
        {
          key: 'team_max',
          requirement,
          have: request.teamMax,
          need: request.pinned.length,
          message: `${request.pinned.length} experts are pinned but the team may have at most ${request.teamMax}.`,
        },
      ],
    };
  }

  const model = buildModel(candidates, request);
  const result = await solveLp(model.lp, solve);
  const chosen = candidates.filter((_, i) => (result.columns[`x${i}`] ?? 0) > 0.5);
  if ((result.status === 'Optimal' || result.status.startsWith('Time limit')) && chosen.length > 0) {
    if (violations(chosen, request).length === 0) {
      return present(chosen, candidates, request, model.requirements, result.status === 'Optimal');
    }
  }
  return { feasible: false, diagnosis: await diagnose(candidates, request, names, solve), candidates: candidates.length };
}

function present(
  team: PoolExpert[],
  candidates: readonly PoolExpert[],
  request: TeamRequest,
  requirements: Requirement[],
  optimal: boolean,
): Composition {
  const perMember = requirements.filter((r) => r.kind === 'competence' || r.kind === 'language' || r.kind === 'dimension');
  const byCost = [...candidates]
    .filter((e) => !team.includes(e))
    .map((e) => ({ e, c: Object.values(memberCost(e, request)).reduce((a, b) => a + b, 0) }))
    .sort((a, b) => a.c - b.c)
    .slice(0, 3000);
  const members: ProposedMember[] = team.map((member) => {
    const alternatives: ProposedMember['alternatives'] = [];
    if (!request.pinned.includes(member.id)) {
      for (const { e } of byCost) {
        if (alternatives.length >= 3) break;
        if (violations([...team.filter((m) => m !== member), e], request).length === 0) {
          alternatives.push({ expertId: e.id, name: e.name });
        }
      }
    }
    return {
      expertId: member.id,
      name: member.name,
      covers: perMember.filter((r) => counts(member, r)).map(requirementKey),
      alternatives,
    };
  });
  return {
    feasible: true,
    team: members,
    objective: objectiveOf(team, request),
    requirements: requirements.map((r) => ({
      key: requirementKey(r),
      requirement: r,
      coveredBy:
        r.kind === 'organisations' || r.kind === 'team_min'
          ? team.map((m) => m.id)
          : team.filter((m) => counts(m, r)).map((m) => m.id),
    })),
    candidates: candidates.length,
    optimal,
  };
}

/**
 * Which requirements cannot be met, and by how much: the elastic model minimises the total
 * shortfall over all "at least" requirements at once, so requirements that are only jointly
 * unmeetable (too many for the team size) are found as well as those no one meets.
 */
async function diagnose(
  candidates: readonly PoolExpert[],
  request: TeamRequest,
  names: Names,
  solve: SolveOptions,
): Promise<DiagnosisItem[]> {
  const model = buildModel(candidates, request, true);
  const result = await solveLp(model.lp, solve);
  const items: DiagnosisItem[] = [];
  model.requirements.forEach((requirement, j) => {
    const shortfall = Math.round(result.columns[`s${j}`] ?? 0);
    if (shortfall <= 0) return;
    const chosen = candidates.filter((_, i) => (result.columns[`x${i}`] ?? 0) > 0.5);
    const { need } = coverage(chosen, requirement);
    items.push({
      key: requirementKey(requirement),
      requirement,
      have: need - shortfall,
      need,
      message: explain(requirement, candidates, request, names),
    });
  });
  if (items.length === 0) {
    const requirement: Requirement = { kind: 'team_min', count: request.teamMin };
    items.push({
      key: 'team_min',
      requirement,
      have: candidates.length,
      need: request.teamMin,
      message: 'The optimiser found no team within its time limit. Try again, or relax the requirements.',
    });
  }
  return items;
}

function period(request: TeamRequest) {
  return `between ${request.startsOn} and ${request.endsOn}`;
}

function explain(r: Requirement, candidates: readonly PoolExpert[], request: TeamRequest, names: Names): string {
  switch (r.kind) {
    case 'competence': {
      const name = names.competence?.(r.code) ?? r.code;
      const at = candidates.filter((e) => (e.competences[r.code] ?? 0) >= r.minLevel).length;
      const lower = [r.minLevel - 1, r.minLevel - 2]
        .filter((l) => l >= 1)
        .map((l) => ({ l, n: candidates.filter((e) => e.competences[r.code] === l).length }))
        .find((x) => x.n > 0);
      const head =
        at < r.count
          ? `${at === 0 ? 'No' : `Only ${at}`} available expert${at === 1 ? '' : 's'} ${at === 1 ? 'has' : 'have'} ${name} at level ${r.minLevel} or above ${period(request)} (${r.count} needed)`
          : `${r.count} experts with ${name} at level ${r.minLevel} do not fit in a team of at most ${request.teamMax} with the other requirements`;
      return lower ? `${head}; ${lower.n} ${lower.n === 1 ? 'has' : 'have'} it at level ${lower.l}.` : `${head}.`;
    }
    case 'language': {
      const name = names.language?.(r.code) ?? r.code;
      const verb = r.skill === 'speaking' ? 'speaks' : 'writes';
      const verbs = r.skill === 'speaking' ? 'speak' : 'write';
      const at = candidates.filter((e) => (e.languages[r.code]?.[r.skill] ?? 0) >= r.minLevel).length;
      let lower = '';
      for (let l = r.minLevel - 1; l >= 1; l--) {
        const n = candidates.filter((e) => e.languages[r.code]?.[r.skill] === l).length;
        if (n > 0) {
          lower = `; ${n} ${n === 1 ? verb : verbs} it at ${CEFR[l - 1]}`;
          break;
        }
      }
      const head =
        at === 0
          ? `No available expert ${verb} ${name} at ${CEFR[r.minLevel - 1]} ${period(request)}`
          : `The experts who ${verbs} ${name} at ${CEFR[r.minLevel - 1]} do not fit in the team with the other requirements`;
      return `${head}${lower}.`;
    }
    case 'dimension': {
      const n = candidates.filter((e) => e.dimensions.includes(r.code)).length;
      return n === 0
        ? `No available expert works in the ${r.code.replaceAll('_', ' ')} dimension ${period(request)}.`
        : `The ${r.code.replaceAll('_', ' ')} dimension cannot be represented together with the other requirements.`;
    }
    case 'organisations': {
      const n = new Set(candidates.map((e) => e.organisationId)).size;
      return `Available experts come from ${n} structure${n === 1 ? '' : 's'}; ${r.count} are required.`;
    }
    case 'team_min':
      return `Only ${candidates.length} expert${candidates.length === 1 ? ' is' : 's are'} eligible ${period(request)}; the team needs at least ${r.count}.`;
    case 'pinned':
      return 'A pinned expert cannot join.';
  }
}
