import type { Verb } from './verbs.js';

export const ROLES = [
  'coordinator',
  'focal_point',
  'expert',
  'analyst',
  'incident_reviewer',
  'delegation',
  'chair',
  'secretariat',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a domain declares about permissions, in its own `access.ts`: the verbs it defines and the
 * roles that hold them. It imports nothing but types.
 */
export interface DomainAccess {
  verbs: readonly string[];
  grants: Partial<Record<Role, readonly string[]>>;
}

export const SCOPE_TYPES = ['global', 'organisation', 'country'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

const registered: { verbs: Verb[]; roleVerbs: Record<Role, Verb[]> | null } = { verbs: [], roleVerbs: null };

/**
 * Takes every domain's verbs and grants; called once by the list of domains (`domains.ts`), which
 * is the one place that knows them all. A grant of an undeclared verb, or a verb declared twice,
 * stops start-up.
 */
export function registerAccess(domains: readonly DomainAccess[]): void {
  const verbs = domains.flatMap((domain) => domain.verbs) as Verb[];
  const known = new Set<string>();
  for (const verb of verbs) {
    if (known.has(verb)) throw new Error(`The verb ${verb} is declared twice.`);
    known.add(verb);
  }
  const roleVerbs = Object.fromEntries(ROLES.map((role) => [role, [] as Verb[]])) as Record<Role, Verb[]>;
  for (const domain of domains) {
    for (const [role, granted] of Object.entries(domain.grants) as Array<[Role, readonly string[]]>) {
      for (const verb of granted) {
        if (!known.has(verb)) throw new Error(`The role ${role} is granted the undeclared verb ${verb}.`);
        roleVerbs[role].push(verb as Verb);
      }
    }
  }
  registered.verbs = verbs;
  registered.roleVerbs = roleVerbs;
}

function roleVerbs(): Record<Role, Verb[]> {
  // Fail closed and loudly: without the registry no verb is held by anyone.
  if (!registered.roleVerbs) throw new Error('No domain has registered its access: import the list of domains first.');
  return registered.roleVerbs;
}

/** The verbs a role holds within its scope, gathered from every domain's access.ts. */
export function verbsOfRole(role: Role): readonly Verb[] {
  return roleVerbs()[role];
}

/** Every declared verb. */
export function allVerbs(): readonly Verb[] {
  roleVerbs();
  return registered.verbs;
}

/**
 * Roles that open data which can put people at risk (hate-incident reports): nobody may grant
 * one to themselves, and whoever grants one to another says why, in the audit log.
 */
export const SENSITIVE_ROLES: readonly Role[] = ['incident_reviewer'];

/** The scopes on which a role may be granted; a delegation acts for its State, a focal point for its structure. */
export const ROLE_SCOPES: Record<Role, readonly ScopeType[]> = {
  coordinator: ['global'],
  focal_point: ['organisation'],
  expert: ['global', 'organisation'],
  analyst: ['global', 'country'],
  incident_reviewer: ['global', 'country'],
  delegation: ['country'],
  chair: ['global'],
  secretariat: ['global'],
};
