import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';
import type { AuditActionsOf, AuditRecordTypesOf, DomainAudits } from '../audit/catalogue.js';

/**
 * Every signed-in person reads missions. The co-ordinator runs them: approves, composes and
 * confirms the team, deploys, closes or cancels. A focal point drafts missions and proposes them.
 */
export const missionAccess = {
  verbs: ['mission.create', 'mission.propose', 'mission.edit', 'mission.approve', 'mission.manage', 'mission.compose'],
  grants: {
    coordinator: ['mission.create', 'mission.propose', 'mission.edit', 'mission.approve', 'mission.manage', 'mission.compose'],
    focal_point: ['mission.create', 'mission.propose'],
  },
} as const satisfies DomainAccess;

declare module '../access/verbs.js' {
  interface VerbRegistry extends VerbsOf<typeof missionAccess> {}
}

/** What it writes to the audit log (see audit/catalogue.ts). */
export const missionAudits = {
  actions: [
    'mission.create',
    'mission.edit',
    'mission.propose',
    'mission.approve',
    'mission.compose',
    'mission.manage',
    'calendar.token.create',
    'calendar.token.revoke',
  ],
  recordTypes: ['mission', 'deployment', 'calendar_feed_token'],
} as const satisfies DomainAudits;

declare module '../audit/catalogue.js' {
  interface AuditActionRegistry extends AuditActionsOf<typeof missionAudits> {}
  interface AuditRecordTypeRegistry extends AuditRecordTypesOf<typeof missionAudits> {}
}
