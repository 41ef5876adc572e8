import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';

export const userAccess = {
  verbs: ['user.read', 'user.manage'],
  grants: { coordinator: ['user.read', 'user.manage'] },
} as const satisfies DomainAccess;

declare module '../access/verbs.js' {
  interface VerbRegistry extends VerbsOf<typeof userAccess> {}
}
