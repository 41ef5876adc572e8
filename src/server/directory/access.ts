import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';

/**
 * The directory's verbs. Reading is open: what a person sees is decided by each record's visibility
 * (see visibility.ts), not by a verb, so that one rule holds in every list, search, count and export.
 */
export const directoryAccess = {
  verbs: ['directory.edit', 'directory.import', 'directory.manage', 'directory.read_all'],
  grants: {
    // Within their scope: a focal point keeps their structure's contacts and activities.
    focal_point: ['directory.edit', 'directory.import'],
    coordinator: ['directory.edit', 'directory.import', 'directory.manage', 'directory.read_all'],
  },
} as const satisfies DomainAccess;

declare module '../access/verbs.js' {
  interface VerbRegistry extends VerbsOf<typeof directoryAccess> {}
}
