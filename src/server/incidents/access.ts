import type { DomainAccess } from '../access/domain.js';

/**
 * Anyone may report an incident and read the public statistics. Incident reviewers, and only
 * they, review reports, read the protected data (audited, with a reason) and make the ODIHR
 * submission; a reviewer scoped to countries does so for those countries only.
 */
export const incidentAccess = {
  verbs: ['incident.review', 'incident.protected.read', 'incident.export'],
  grants: {
    incident_reviewer: ['incident.review', 'incident.protected.read', 'incident.export'],
  },
} as const satisfies DomainAccess;
