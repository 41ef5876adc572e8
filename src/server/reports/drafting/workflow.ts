import { type Actor, holds } from '../../access/check.js';
import type { ReportStatus } from '../tables.js';
import type { ReadOnlyReason } from './schemas.js';

export type ReportAction = 'edit' | 'submit' | 'return' | 'adopt' | 'distribute' | 'summarise';

/** Who acts: the mission's team or the co-ordinator (who holds report.review). */
type By = 'team' | 'reviewer';

/** The workflow as a table: for each action, the states it starts from, where it leads, and who takes it. */
export const WORKFLOW: Record<ReportAction, { from: readonly ReportStatus[]; to: ReportStatus | null; by: By }> = {
  edit: { from: ['draft', 'returned'], to: null, by: 'team' },
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'team' },
  return: { from: ['submitted'], to: 'returned', by: 'reviewer' },
  adopt: { from: ['submitted'], to: 'adopted', by: 'reviewer' },
  distribute: { from: ['adopted'], to: 'distributed', by: 'reviewer' },
  summarise: { from: ['distributed'], to: null, by: 'reviewer' },
};

/** How the caller stands to one report. */
export interface Standing {
  member: boolean;
  reviewer: boolean;
}

export function standingOf(actor: Actor | null, member: boolean): Standing {
  return { member, reviewer: holds(actor, 'report.review') };
}

/** Whether the caller may read the report in its state: team and co-ordinator always, readers once distributed. */
export function mayRead(actor: Actor | null, status: ReportStatus, standing: Standing): boolean {
  if (!actor) return false;
  if (standing.member || standing.reviewer) return true;
  return status === 'distributed' && holds(actor, 'report.read');
}

/** Why the action is refused: 'forbidden' for the wrong person, 'conflict' in the wrong state, or null. */
export function refusal(action: ReportAction, status: ReportStatus, standing: Standing): 'forbidden' | 'conflict' | null {
  const rule = WORKFLOW[action];
  const allowed = rule.by === 'team' ? standing.member : standing.reviewer;
  if (!allowed) return 'forbidden';
  return rule.from.includes(status) ? null : 'conflict';
}

/** The actions open to the caller now (and `pdf`, `history` for what it may see), sent with the report so the page shows only those. */
export function openActions(status: ReportStatus, standing: Standing, canRead: boolean): string[] {
  const actions = (Object.keys(WORKFLOW) as ReportAction[]).filter((a) => refusal(a, status, standing) === null) as string[];
  if (canRead && (status === 'adopted' || status === 'distributed')) actions.push('pdf');
  if (standing.member || standing.reviewer) actions.push('history');
  return actions;
}

/** Why the caller cannot edit the report's text now (null when they can), shown on the page. */
export function readOnlyReason(status: ReportStatus, standing: Standing): ReadOnlyReason | null {
  if (refusal('edit', status, standing) === null) return null;
  if (status === 'draft' || status === 'returned') return standing.reviewer ? 'team_only_reviewer' : 'team_only';
  if (status === 'submitted') return standing.reviewer ? 'submitted_reviewer' : 'submitted_team';
  return status;
}

/** The first day of the month of a moment, in UTC: the period an adopted alert level counts for. */
export function monthOf(at: Date): string {
  return `${at.toISOString().slice(0, 7)}-01`;
}

export const ALERT_VALUES = { green: 0, yellow: 1, orange: 2, red: 3 } as const;
