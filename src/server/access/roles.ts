import { DOMAIN_ACCESS, VERBS, type Verb } from './verbs.js';

export const ROLES = ['coordinator', 'focal_point', 'expert', 'analyst', 'incident_reviewer', 'delegation'] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_TYPES = ['global', 'organisation', 'country'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

function collectGrants(): Record<Role, readonly Verb[]> {
  const known = new Set<string>(VERBS);
  const result = Object.fromEntries(ROLES.map((role) => [role, [] as Verb[]])) as Record<Role, Verb[]>;
  for (const domain of DOMAIN_ACCESS) {
    for (const [role, verbs] of Object.entries(domain.grants) as Array<[Role, readonly string[]]>) {
      for (const verb of verbs) {
        if (!known.has(verb)) throw new Error(`The role ${role} is granted the undeclared verb ${verb}.`);
        result[role].push(verb as Verb);
      }
    }
  }
  return result;
}

/** The verbs each role holds within its scope, gathered from every domain's access.ts. */
export const ROLE_VERBS: Record<Role, readonly Verb[]> = collectGrants();

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
};
