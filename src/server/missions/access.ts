import type { DomainAccess } from '../access/roles.js';
import type { VerbsOf } from '../access/verbs.js';

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
