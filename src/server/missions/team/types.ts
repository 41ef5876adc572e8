/** The optimiser's view of the roster and of a mission: plain data, no database. */

export const CEFR = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type Cefr = (typeof CEFR)[number];
/** A1 = 1 … C2 = 6. */
export const cefrRank = (level: string): number => CEFR.indexOf(level as Cefr) + 1;

export interface PoolExpert {
  id: string;
  name: string;
  organisationId: string;
  gender: 'female' | 'male' | 'other' | 'undisclosed';
  readiness: 'ready' | 'ready_with_induction' | 'not_deployable';
  nationalities: string[];
  /** competence code → level 1–3 */
  competences: Record<string, number>;
  /** the dimensions of the expert's competences */
  dimensions: string[];
  /** language code → CEFR ranks (1–6) */
  languages: Record<string, { speaking: number; writing: number }>;
  /** prerequisite code → expiry date (YYYY-MM-DD) or null when it does not expire */
  prerequisites: Record<string, string | null>;
  /** deployment days already booked or done in the mission's year */
  usedDays: number;
  capDays: number;
  /** free for the whole mission period (availability windows, unavailability, other deployments) */
  available: boolean;
}

export interface CompetenceNeed {
  code: string;
  minLevel: number;
  count: number;
}

export interface LanguageNeed {
  code: string;
  /** CEFR rank 1–6 */
  minLevel: number;
  skill: 'speaking' | 'writing';
}

/**
 * The objective's weights (all ≥ 0), minimised as
 *   size·|team| + gender·|women − men| + load·Σ(used days ÷ cap) + readiness·(members needing induction)
 *   − level·Σ(levels above each requirement's minimum, competences ÷ 2, languages ÷ 5).
 */
export interface Weights {
  size: number;
  gender: number;
  load: number;
  level: number;
  readiness: number;
}

export const DEFAULT_WEIGHTS: Weights = { size: 1, gender: 1, load: 2, level: 1, readiness: 0.5 };

export interface TeamRequest {
  startsOn: string;
  endsOn: string;
  /** the mission's length in days, counted against each member's yearly cap */
  days: number;
  hostCountries: string[];
  competences: CompetenceNeed[];
  languages: LanguageNeed[];
  teamMin: number;
  teamMax: number;
  allDimensions: boolean;
  minOrganisations: number;
  requiredPrerequisites: string[];
  pinned: string[];
  excluded: string[];
  weights: Weights;
}

export type Ineligibility =
  | 'excluded'
  | 'not_deployable'
  | 'not_available'
  | 'national_of_host'
  | 'over_cap'
  | 'prerequisite_missing';

/** A requirement of the mission, named so that a person can read it. */
export type Requirement =
  | { kind: 'competence'; code: string; minLevel: number; count: number }
  | { kind: 'language'; code: string; minLevel: number; skill: 'speaking' | 'writing' }
  | { kind: 'dimension'; code: string }
  | { kind: 'organisations'; count: number }
  | { kind: 'team_min'; count: number }
  | { kind: 'pinned'; expertId: string; reasons: Ineligibility[] };

export interface ObjectiveParts {
  size: number;
  gender: number;
  load: number;
  level: number;
  readiness: number;
  total: number;
}
