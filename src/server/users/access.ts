import type { DomainAccess } from '../access/domain.js';

export const userAccess = {
  verbs: ['user.read', 'user.manage'],
  grants: { coordinator: ['user.read', 'user.manage'] },
} as const satisfies DomainAccess;
