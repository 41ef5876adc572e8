import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';

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

declare module '../access/verbs.js' {
  interface VerbRegistry extends VerbsOf<typeof incidentAccess> {}
}
