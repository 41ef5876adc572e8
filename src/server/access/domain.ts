import type { Role } from './roles.js';

/**
 * What a domain declares about permissions, in its own `access.ts`: the verbs it defines and the
 * roles that hold them. It imports nothing but types, so the registry in verbs.ts has no cycles.
 */
export interface DomainAccess {
  verbs: readonly string[];
  grants: Partial<Record<Role, readonly string[]>>;
}
