import { auditAccess } from '../audit/access.js';
import { backupAccess } from '../backup/access.js';
import { directoryAccess } from '../directory/access.js';
import { incidentAccess } from '../incidents/access.js';
import { missionAccess } from '../missions/access.js';
import { referenceAccess } from '../reference/access.js';
import { reportAccess } from '../reports/access.js';
import { rosterAccess } from '../roster/access.js';
import { solidarityAccess } from '../solidarity/access.js';
import { userAccess } from '../users/access.js';
import { warningAccess } from '../warning/access.js';

/**
 * Permissions are named verbs, granted through roles on scopes. Each domain declares its verbs and
 * the roles that hold them in its own `access.ts`; a new domain adds one line here, and the
 * route × role test then covers its routes.
 */
export const DOMAIN_ACCESS = [
  userAccess,
  auditAccess,
  referenceAccess,
  directoryAccess,
  solidarityAccess,
  warningAccess,
  backupAccess,
  rosterAccess,
  missionAccess,
  reportAccess,
  incidentAccess,
] as const;

export type Verb = (typeof DOMAIN_ACCESS)[number]['verbs'][number];

export const VERBS: readonly Verb[] = DOMAIN_ACCESS.flatMap((domain) => domain.verbs);

/** Who may call a route: anyone, any signed-in person, or holders of a verb. */
export type Access = 'public' | 'signed_in' | Verb;
