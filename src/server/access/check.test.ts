import { describe, expect, it } from 'vitest';
import type { Grant } from './check.js';
import { type Actor, allowedSubset, assertAllowed, heldVerbs, holds, scopeOf } from './check.js';

function actor(grants: Grant[]): Actor {
  return {
    userId: 'u',
    email: 'e@example.org',
    name: 'E',
    language: 'en',
    mustChangePassword: false,
    grants,
    sessionId: 's',
    csrfToken: 't',
  };
}

describe('permission checks', () => {
  const coordinator = actor([{ role: 'coordinator', scopeType: 'global', organisationId: null, countryIso2: null }]);
  const delegation = actor([{ role: 'delegation', scopeType: 'country', organisationId: null, countryIso2: 'GR' }]);

  it('grants verbs through roles, everywhere for a global grant', () => {
    expect(scopeOf(coordinator, 'user.manage').all).toBe(true);
    expect(holds(coordinator, 'audit.read')).toBe(true);
    expect(holds(delegation, 'user.manage')).toBe(false);
    expect(holds(null, 'user.read')).toBe(false);
    expect(heldVerbs(coordinator)).toContain('user.manage');
    expect(heldVerbs(delegation)).not.toContain('user.manage');
    expect(heldVerbs(delegation).every((verb) => holds(delegation, verb))).toBe(true);
  });

  it('filters a whole set at once by where each record sits', () => {
    const records = [
      { id: 1, countryIso2: 'GR' },
      { id: 2, countryIso2: 'IT' },
      { id: 3, countryIso2: null },
    ];
    expect(allowedSubset(coordinator, 'reference.edit', records, (r) => r).map((r) => r.id)).toEqual([1, 2, 3]);
    expect(allowedSubset(delegation, 'reference.edit', records, (r) => r)).toEqual([]);
    expect(allowedSubset(null, 'reference.edit', records, (r) => r)).toEqual([]);
  });

  it('throws the right problem', () => {
    expect(() => assertAllowed(null, 'user.read')).toThrow(expect.objectContaining({ code: 'unauthenticated' }));
    expect(() => assertAllowed(delegation, 'user.read')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => assertAllowed(coordinator, 'user.read', { countryIso2: 'GR' })).not.toThrow();
  });
});
