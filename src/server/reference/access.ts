import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';

export const referenceAccess = {
  verbs: ['reference.edit'],
  grants: { coordinator: ['reference.edit'] },
} as const satisfies DomainAccess;

declare module '../access/verbs.js' {
  interface VerbRegistry extends VerbsOf<typeof referenceAccess> {}
}
