import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';
import type { AuditActionsOf, AuditRecordTypesOf, DomainAudits } from '../audit/catalogue.js';

/**
 * The provider runs training: the co-ordinator everywhere, a focal point for the courses its
 * structure provides (organisation scope). A delegation nominates the officers of its own State
 * (country scope). Statistics are for the co-ordinator, focal points and analysts. Participants
 * take their tests and download their certificate without a verb: ownership is checked in the service.
 */
export const trainingAccess = {
  verbs: ['training.manage', 'training.nominate', 'training.statistics'],
  grants: {
    coordinator: ['training.manage', 'training.nominate', 'training.statistics'],
    focal_point: ['training.manage', 'training.statistics'],
    delegation: ['training.nominate'],
    analyst: ['training.statistics'],
  },
} as const satisfies DomainAccess;

declare module '../access/verbs.js' {
  interface VerbRegistry extends VerbsOf<typeof trainingAccess> {}
}

/** What it writes to the audit log (see audit/catalogue.ts). */
export const trainingAudits = {
  actions: [
    'training.course.create',
    'training.course.edit',
    'training.session.trainers',
    'training.material.upload',
    'training.material.read',
    'training.material.delete',
    'training.session.create',
    'training.nominate',
    'training.decide',
    'training.attendance',
    'training.test.submit',
    'training.evaluate',
    'training.complete',
    'training.certificate.read',
    'training.certificate.revoke',
    'training.nominations.read',
    'training.statistics.export',
  ],
  recordTypes: ['training_course', 'training_session', 'training_material', 'training_nomination', 'training_certificate'],
} as const satisfies DomainAudits;

declare module '../audit/catalogue.js' {
  interface AuditActionRegistry extends AuditActionsOf<typeof trainingAudits> {}
  interface AuditRecordTypeRegistry extends AuditRecordTypesOf<typeof trainingAudits> {}
}
