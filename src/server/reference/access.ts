import type { DomainAccess } from '../access/domain.js';

export const referenceAccess = {
  verbs: ['reference.edit'],
  grants: { coordinator: ['reference.edit'] },
} as const satisfies DomainAccess;
