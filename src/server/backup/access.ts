import type { DomainAccess } from '../access/domain.js';

export const backupAccess = {
  verbs: ['backup.create'],
  grants: { coordinator: ['backup.create'] },
} as const satisfies DomainAccess;
