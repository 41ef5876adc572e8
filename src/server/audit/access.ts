import type { DomainAccess } from '../access/domain.js';

export const auditAccess = {
  verbs: ['audit.read', 'audit.export'],
  grants: { coordinator: ['audit.read', 'audit.export'] },
} as const satisfies DomainAccess;
