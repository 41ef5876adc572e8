import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';
import type { AuditActionsOf, AuditRecordTypesOf, DomainAudits } from '../audit/catalogue.js';

/**
 * An organiser runs conferences: the co-ordinator and the Secretariat everywhere, a focal point
 * for the events its structure organises (organisation scope). Anyone registers for a public
 * event and an invitee signed in for a restricted one, without a verb; the organiser sees the full
 * list of participants (audited), checks them in and reads the statistics.
 */
export const conferenceAccess = {
  verbs: ['conference.manage'],
  grants: {
    coordinator: ['conference.manage'],
    secretariat: ['conference.manage'],
    focal_point: ['conference.manage'],
  },
} as const satisfies DomainAccess;

declare module '../access/verbs.js' {
  interface VerbRegistry extends VerbsOf<typeof conferenceAccess> {}
}

/** What it writes to the audit log (see audit/catalogue.ts). */
export const conferenceAudits = {
  actions: [
    'conference.event.create',
    'conference.event.update',
    'conference.invite',
    'conference.invitation.read',
    'conference.people.search',
    'conference.session.create',
    'conference.session.update',
    'conference.session.delete',
    'conference.document.upload',
    'conference.document.download',
    'conference.document.delete',
    'conference.outcome.record',
    'conference.outcome.publish',
    'conference.register',
    'conference.cancel',
    'conference.sessions.choose',
    'conference.check_in',
    'conference.participants.read',
  ],
  recordTypes: ['conference_event', 'conference_registration'],
} as const satisfies DomainAudits;

declare module '../audit/catalogue.js' {
  interface AuditActionRegistry extends AuditActionsOf<typeof conferenceAudits> {}
  interface AuditRecordTypeRegistry extends AuditRecordTypesOf<typeof conferenceAudits> {}
}
