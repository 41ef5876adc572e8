import { Problem } from '../http/problems.js';
import { type Role, type ScopeType, verbsOfRole } from './roles.js';
import type { Verb } from './verbs.js';

export interface Grant {
  role: Role;
  scopeType: ScopeType;
  organisationId: string | null;
  countryIso2: string | null;
}

/** The person behind a request, with everything needed to decide what they may do. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  language: string;
  mustChangePassword: boolean;
  grants: Grant[];
  sessionId: string;
  csrfToken: string;
  /** The second step the session must still take before it vouches for the person (auth/second-factor). */
  secondFactorStep?: 'verify' | 'enrol' | null;
}

/** Where an actor holds a verb: everywhere, or in these organisations and countries. */
export interface Scope {
  all: boolean;
  organisations: ReadonlySet<string>;
  countries: ReadonlySet<string>;
}

/** Where a record sits, for scope checks. */
export interface Location {
  organisationId?: string | null;
  countryIso2?: string | null;
}

const NOWHERE: Scope = { all: false, organisations: new Set(), countries: new Set() };

/** The scope in which the actor holds the verb, from all their grants at once. */
export function scopeOf(actor: Actor | null, verb: Verb): Scope {
  if (!actor) return NOWHERE;
  const organisations = new Set<string>();
  const countries = new Set<string>();
  let all = false;
  for (const grant of actor.grants) {
    if (!verbsOfRole(grant.role).includes(verb)) continue;
    if (grant.scopeType === 'global') all = true;
    else if (grant.scopeType === 'organisation' && grant.organisationId) organisations.add(grant.organisationId);
    else if (grant.scopeType === 'country' && grant.countryIso2) countries.add(grant.countryIso2);
  }
  return { all, organisations, countries };
}

/** Whether the actor holds the verb anywhere at all (the coarse check a route makes). */
export function holds(actor: Actor | null, verb: Verb): boolean {
  const scope = scopeOf(actor, verb);
  return scope.all || scope.organisations.size > 0 || scope.countries.size > 0;
}

function within(scope: Scope, location: Location): boolean {
  if (scope.all) return true;
  if (location.organisationId && scope.organisations.has(location.organisationId)) return true;
  if (location.countryIso2 && scope.countries.has(location.countryIso2)) return true;
  return false;
}

/** The subset of items the actor may act on with the verb: one decision for the whole set. */
export function allowedSubset<T>(actor: Actor | null, verb: Verb, items: readonly T[], locate: (item: T) => Location): T[] {
  const scope = scopeOf(actor, verb);
  return items.filter((item) => within(scope, locate(item)));
}

/** Throws `forbidden` unless the actor holds the verb where the record sits (or anywhere, without a location). */
export function assertAllowed(actor: Actor | null, verb: Verb, location?: Location): void {
  if (!actor) throw new Problem('unauthenticated');
  const allowed = location ? within(scopeOf(actor, verb), location) : holds(actor, verb);
  if (!allowed) throw new Problem('forbidden');
}

/** Every verb the actor holds somewhere, for the browser to show or hide actions. */
export function heldVerbs(actor: Actor | null): Verb[] {
  if (!actor) return [];
  return [...new Set(actor.grants.flatMap((grant) => verbsOfRole(grant.role)))].sort();
}
