import type { Verb } from './verbs.js';

export const ROLES = ['coordinator', 'focal_point', 'expert', 'analyst', 'incident_reviewer', 'delegation'] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_TYPES = ['global', 'organisation', 'country'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

/** The verbs each role grants within its scope. The co-ordinator is the single point of contact. */
export const ROLE_VERBS: Record<Role, readonly Verb[]> = {
  coordinator: ['user.read', 'user.manage', 'audit.read', 'audit.export', 'reference.edit'],
  focal_point: [],
  expert: [],
  analyst: [],
  incident_reviewer: [],
  delegation: [],
};

/** The scopes on which a role may be granted; a delegation acts for its State, a focal point for its structure. */
export const ROLE_SCOPES: Record<Role, readonly ScopeType[]> = {
  coordinator: ['global'],
  focal_point: ['organisation'],
  expert: ['global', 'organisation'],
  analyst: ['global', 'country'],
  incident_reviewer: ['global', 'country'],
  delegation: ['country'],
};
