import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';

export const auditAccess = {
  verbs: ['audit.read', 'audit.export'],
  grants: { coordinator: ['audit.read', 'audit.export'] },
} as const satisfies DomainAccess;

declare module '../access/verbs.js' {
  interface VerbRegistry extends VerbsOf<typeof auditAccess> {}
}
