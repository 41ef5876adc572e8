import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';

export const backupAccess = {
  verbs: ['backup.create'],
  grants: { coordinator: ['backup.create'] },
} as const satisfies DomainAccess;

declare module '../access/verbs.js' {
  interface VerbRegistry extends VerbsOf<typeof backupAccess> {}
}
