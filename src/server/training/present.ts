import { type Actor, holds, scopeOf } from '../access/check.js';
import type { NominationView } from './catalogue/schemas.js';

/** A score as a percentage, one decimal. */
export const percent = (score: number, max: number) => (max > 0 ? Math.round((score / max) * 1000) / 10 : 0);

/** Knowledge gain: the post-test's percentage minus the pre-test's, in points; null unless both were taken. */
export function gainOf(pre: number | null, post: number | null): number | null {
  return pre === null || post === null ? null : Math.round((post - pre) * 10) / 10;
}

/** Whether the actor runs training for this provider structure. */
export function manages(actor: Actor | null, providerId: string | null): boolean {
  const scope = scopeOf(actor, 'training.manage');
  return scope.all || (providerId !== null && scope.organisations.has(providerId));
}

/** The States the actor nominates for (null: any), or an empty list. */
export function nominatesFor(actor: Actor | null): string[] | null {
  if (!holds(actor, 'training.nominate')) return [];
  const scope = scopeOf(actor, 'training.nominate');
  return scope.all ? null : [...scope.countries].sort();
}

interface Lists {
  attendance: ReadonlyArray<{ nomination_id: string; day: string; present: boolean }>;
  attempts: ReadonlyArray<{ nomination_id: string; kind: string; score: number; max_score: number }>;
}

export function presentNomination(
  row: {
    id: string;
    name: string;
    email: string | null;
    country_iso2: string;
    function: string;
    agency_type: NominationView['agencyType'];
    gender: NominationView['gender'];
    languages: string[];
    status: NominationView['status'];
    reason: string;
    expert_id: string | null;
    user_id: string | null;
    completed_on: string | null;
    certificate_code: string | null;
    revoked_at: Date | null;
  },
  lists: Lists,
): NominationView {
  const attempt = (kind: string) => {
    const found = lists.attempts.find((a) => a.nomination_id === row.id && a.kind === kind);
    return found ? percent(found.score, found.max_score) : null;
  };
  const pre = attempt('pre');
  const post = attempt('post');
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    countryIso2: row.country_iso2,
    function: row.function,
    agencyType: row.agency_type,
    gender: row.gender,
    languages: row.languages,
    status: row.status,
    reason: row.reason,
    expertId: row.expert_id,
    hasAccount: row.user_id !== null,
    completedOn: row.completed_on,
    attendance: lists.attendance.filter((a) => a.nomination_id === row.id).map((a) => ({ day: a.day, present: a.present })),
    preScore: pre,
    postScore: post,
    gain: gainOf(pre, post),
    certificateCode: row.certificate_code,
    certificateRevoked: row.revoked_at !== null,
  };
}

/** Every day of a session, first to last. */
export function daysOf(startsOn: string, endsOn: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${startsOn}T00:00:00Z`); t <= Date.parse(`${endsOn}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
