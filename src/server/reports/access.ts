import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';
import type { AuditActionsOf, AuditRecordTypesOf, DomainAudits } from '../audit/catalogue.js';

/**
 * A report's team drafts it without a verb (membership is checked in the service). The
 * co-ordinator reviews, adopts and distributes reports and steers the follow-up. Delegations and
 * OSCE staff (focal points, analysts, incident reviewers) read distributed reports. A focal point
 * records the follow-up projects its own structure implements (organisation scope), and the
 * extra-budgetary contributions States and donors pledge to them.
 */
export const reportAccess = {
  verbs: ['report.review', 'report.read', 'report.follow_up'],
  grants: {
    coordinator: ['report.review', 'report.read', 'report.follow_up'],
    delegation: ['report.read'],
    focal_point: ['report.read', 'report.follow_up'],
    analyst: ['report.read'],
    incident_reviewer: ['report.read'],
  },
} as const satisfies DomainAccess;

declare module '../access/verbs.js' {
  interface VerbRegistry extends VerbsOf<typeof reportAccess> {}
}

/** What it writes to the audit log (see audit/catalogue.ts). */
export const reportAudits = {
  actions: [
    'report.create',
    'report.edit',
    'report.submit',
    'report.return',
    'report.adopt',
    'report.distribute',
    'report.summarise',
    'report.follow_up',
    'report.people_met.read',
  ],
  recordTypes: ['mission_report', 'recommendation', 'follow_up_project', 'project_contribution'],
} as const satisfies DomainAudits;

declare module '../audit/catalogue.js' {
  interface AuditActionRegistry extends AuditActionsOf<typeof reportAudits> {}
  interface AuditRecordTypeRegistry extends AuditRecordTypesOf<typeof reportAudits> {}
}
