import { describe, expect, it } from 'vitest';
import { MISSION_STATUSES } from '../schemas.js';
import { refusal, TRANSITIONS } from './lifecycle.js';

const ALLOWED = new Set([
  'draft>proposed',
  'proposed>draft',
  'proposed>approved',
  'team_confirmed>deployed',
  'deployed>reporting',
  'reporting>closed',
  ...['draft', 'proposed', 'approved', 'team_confirmed', 'deployed', 'reporting'].map((s) => `${s}>cancelled`),
]);

describe('the mission lifecycle', () => {
  const pairs = MISSION_STATUSES.flatMap((from) => MISSION_STATUSES.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s', (from, to) => {
    const reason = refusal(from, to, 'given');
    if (ALLOWED.has(`${from}>${to}`)) expect(reason).toBeNull();
    else expect(reason).toMatch(/cannot|confirmed by confirming/);
  });

  it('refuses deployment without the host State’s consent, naming it', () => {
    for (const consent of ['not_requested', 'requested', 'refused']) {
      expect(refusal('team_confirmed', 'deployed', consent)).toBe(
        'The mission cannot be deployed before the host State has given its consent.',
      );
    }
  });

  it('says where a mission can go instead', () => {
    expect(refusal('draft', 'closed', 'given')).toBe(
      'A draft mission cannot become closed; it can become proposed or cancelled.',
    );
    expect(refusal('closed', 'draft', 'given')).toBe('A closed mission cannot change any more.');
    expect(refusal('approved', 'team_confirmed', 'given')).toMatch(/confirming the proposed team/);
  });

  it('names a verb for every move', () => {
    for (const move of TRANSITIONS) expect(move.verb).toMatch(/^mission\./);
  });
});
