import type { MissionStatus } from '../tables.js';

/**
 * The mission lifecycle: draft → proposed → approved → team confirmed → deployed → reporting →
 * closed, or cancelled from any open state; a proposal can be sent back to draft. Each move names
 * the verb it needs. Approved → team confirmed happens only by confirming a team.
 */
/** The verbs the lifecycle's moves need; each is also the audit action the move is recorded under. */
export type LifecycleVerb = 'mission.propose' | 'mission.approve' | 'mission.compose' | 'mission.manage';

export const TRANSITIONS: ReadonlyArray<{ from: MissionStatus; to: MissionStatus; verb: LifecycleVerb; byTeam?: true }> = [
  { from: 'draft', to: 'proposed', verb: 'mission.propose' },
  { from: 'proposed', to: 'draft', verb: 'mission.approve' },
  { from: 'proposed', to: 'approved', verb: 'mission.approve' },
  { from: 'approved', to: 'team_confirmed', verb: 'mission.compose', byTeam: true },
  { from: 'team_confirmed', to: 'deployed', verb: 'mission.manage' },
  { from: 'deployed', to: 'reporting', verb: 'mission.manage' },
  { from: 'reporting', to: 'closed', verb: 'mission.manage' },
  ...(['draft', 'proposed', 'approved', 'team_confirmed', 'deployed', 'reporting'] as const).map((from) => ({
    from,
    to: 'cancelled' as const,
    verb: 'mission.manage' as const,
  })),
];

export const STATUS_LABEL: Record<MissionStatus, string> = {
  draft: 'draft',
  proposed: 'proposed',
  approved: 'approved',
  team_confirmed: 'team confirmed',
  deployed: 'deployed',
  reporting: 'reporting',
  closed: 'closed',
  cancelled: 'cancelled',
};

/** Why a move is refused, in words a co-ordinator understands; null when it is allowed. */
export function refusal(from: MissionStatus, to: MissionStatus, consent: string): string | null {
  const move = TRANSITIONS.find((t) => t.from === from && t.to === to);
  if (!move) {
    const next = TRANSITIONS.filter((t) => t.from === from).map((t) => STATUS_LABEL[t.to]);
    return next.length === 0
      ? `A ${STATUS_LABEL[from]} mission cannot change any more.`
      : `A ${STATUS_LABEL[from]} mission cannot become ${STATUS_LABEL[to]}; it can become ${next.join(' or ')}.`;
  }
  if (move.byTeam) return 'A mission’s team is confirmed by confirming the proposed team, not by changing its status.';
  if (to === 'deployed' && consent !== 'given') {
    return 'The mission cannot be deployed before the host State has given its consent.';
  }
  return null;
}

/** The statuses a mission can move to next, and the verb each needs. */
export function nextMoves(from: MissionStatus) {
  return TRANSITIONS.filter((t) => t.from === from);
}
