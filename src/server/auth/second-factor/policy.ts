import { ROLES, type Role, verbsOfRole } from '../../access/roles.js';

/** Roles that always need a second factor besides the user-managers: they open the most sensitive data. */
const ALWAYS: readonly Role[] = ['coordinator', 'incident_reviewer'];

/**
 * The roles whose holders cannot sign in without a second factor: co-ordinators, incident
 * reviewers and every role that can manage user accounts (read from the registered grants, so a
 * role that gains `user.manage` later needs one too).
 */
export function rolesRequiringSecondFactor(): Role[] {
  return ROLES.filter((role) => ALWAYS.includes(role) || verbsOfRole(role).includes('user.manage'));
}
