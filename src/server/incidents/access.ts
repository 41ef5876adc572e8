import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';
import type { AuditActionsOf, AuditRecordTypesOf, DomainAudits } from '../audit/catalogue.js';

/**
 * Anyone may report an incident and read the public statistics. Incident reviewers, and only
 * they, review reports, read the protected data (audited, with a reason) and make the ODIHR
 * submission; a reviewer scoped to countries does so for those countries only. The co-ordinator
 * creates and replaces the organisation's key (made and sealed in their browser or the command
 * line: the passphrase never reaches the server).
 *
 * Xenophobic rhetoric is recorded by those who follow public life (focal points, analysts,
 * reviewers, the co-ordinator) and verified by incident reviewers in their countries. Campaigns
 * are kept by the co-ordinator and by focal points for the campaigns their organisation runs.
 */
export const incidentAccess = {
  verbs: [
    'incident.review',
    'incident.protected.read',
    'incident.export',
    'incident.key.manage',
    'rhetoric.submit',
    'rhetoric.review',
    'campaign.manage',
  ],
  grants: {
    coordinator: ['incident.key.manage', 'rhetoric.submit', 'campaign.manage'],
    focal_point: ['rhetoric.submit', 'campaign.manage'],
    analyst: ['rhetoric.submit'],
    incident_reviewer: ['incident.review', 'incident.protected.read', 'incident.export', 'rhetoric.submit', 'rhetoric.review'],
  },
} as const satisfies DomainAccess;

declare module '../access/verbs.js' {
  interface VerbRegistry extends VerbsOf<typeof incidentAccess> {}
}

/** What it writes to the audit log (see audit/catalogue.ts). */
export const incidentAudits = {
  actions: [
    'incident.report.receive',
    'incident.review',
    'incident.assign',
    'incident.note',
    'incident.redact',
    'incident.export',
    'incident.protected.read',
    'incident.contact.delete',
    'incident.key.create',
    'incident.key.rotate',
    'rhetoric.submit',
    'rhetoric.read',
    'rhetoric.review',
    'campaign.create',
    'campaign.edit',
  ],
  recordTypes: ['incident_report', 'incident_key', 'rhetoric_statement', 'awareness_campaign'],
} as const satisfies DomainAudits;

declare module '../audit/catalogue.js' {
  interface AuditActionRegistry extends AuditActionsOf<typeof incidentAudits> {}
  interface AuditRecordTypeRegistry extends AuditRecordTypesOf<typeof incidentAudits> {}
}
