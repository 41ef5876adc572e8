import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../test-support/app.js';

/**
 * Concurrent administration on a PostgreSQL server, where requests really run side by side (the
 * embedded database serialises them). Without locks, two replacements of one user's grants left
 * the union of both, and two co-ordinators could demote each other until none remained.
 */
describe.runIf(process.env.TEST_DATABASE_URL)('user administration under concurrency on postgres', () => {
  let t: TestApp;
  let coordinator: Persona;
  beforeAll(async () => {
    t = await testApp('postgres');
    coordinator = await t.as('coordinator');
  });
  afterAll(() => t?.close());

  const grantsOf = async (userId: string) =>
    (await t.database.db.selectFrom('role_grant').select('role').where('user_id', '=', userId).orderBy('role').execute()).map(
      (g) => g.role,
    );

  it('replaces grants as a whole when two replacements race: one wins, nothing is merged', async () => {
    for (let round = 0; round < 8; round++) {
      const person = await t.user({ role: 'expert' });
      // Granting the incident-reviewer role takes a reason.
      const put = (grants: unknown[]) =>
        t.request(coordinator, {
          method: 'PUT',
          url: `/api/users/${person.userId}/grants`,
          payload: { grants, reason: 'Race test' },
        });
      const answers = await Promise.all([
        put([{ role: 'analyst', scopeType: 'global' }]),
        put([
          { role: 'incident_reviewer', scopeType: 'global' },
          { role: 'expert', scopeType: 'global' },
        ]),
      ]);
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
      expect([['analyst'], ['expert', 'incident_reviewer']]).toContainEqual(await grantsOf(person.userId));
    }
  });

  it('keeps one co-ordinator when two co-ordinators demote each other at the same moment', async () => {
    for (let round = 0; round < 6; round++) {
      const first = await t.user({ role: 'coordinator' });
      const second = await t.user({ role: 'coordinator' });
      // Only these two are co-ordinators for this round.
      await t.database.db
        .deleteFrom('role_grant')
        .where('role', '=', 'coordinator')
        .where('user_id', 'not in', [first.userId, second.userId])
        .execute();
      const demote = (actor: Persona, target: Persona) =>
        t.request(actor, { method: 'PUT', url: `/api/users/${target.userId}/grants`, payload: { grants: [] } });
      const answers = await Promise.all([demote(first, second), demote(second, first)]);
      // One wins. The other is refused: 409 when both were checked as co-ordinators before either
      // wrote, 403 when the winner had already taken its grant away before it was checked.
      const [won, refused] = answers.map((a) => a.statusCode).sort();
      expect(won).toBe(200);
      expect([403, 409]).toContain(refused);
      const left = await t.database.db.selectFrom('role_grant').select('user_id').where('role', '=', 'coordinator').execute();
      expect(left).toHaveLength(1);
    }
  });
});
