/**
 * Permissions are named verbs, granted through roles on scopes. A domain adds its verbs here and
 * grants them to roles in roles.ts; the route × role test then covers its routes.
 */
export const VERBS = ['user.read', 'user.manage', 'audit.read', 'audit.export', 'reference.edit'] as const;

export type Verb = (typeof VERBS)[number];

/** Who may call a route: anyone, any signed-in person, or holders of a verb. */
export type Access = 'public' | 'signed_in' | Verb;
