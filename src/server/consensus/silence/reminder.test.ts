import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { insertTestDocument, putUnderSilence } from '../../test-support/consensus/fixtures.js';
import { testBackends } from '../../test-support/database.js';
import { draftSymbol } from '../present.js';
import { remindApproachingSilences } from './reminder.js';
import { concludeDueSilences } from './service.js';

const HOUR = 3_600_000;

/** The reminder a day before a silence deadline: to every delegation (each reads it in its language from the templates), once. */
describe.each(testBackends())('silence reminders on %s', (backend) => {
  let t: TestApp;
  let austria: Persona;
  let italy: Persona;

  beforeAll(async () => {
    t = await testApp(backend);
    austria = await t.as('delegation');
    italy = await t.user({ role: 'delegation', countryIso2: 'IT' });
  });
  afterAll(() => t?.close());

  const reminders = (who: Persona) =>
    t.database.db
      .selectFrom('notification')
      .select(['params', 'link'])
      .where('user_id', '=', who.userId)
      .where('kind', '=', 'consensus.silence_ending')
      .execute();

  it('reminds every delegation once of a deadline within a day, whatever the instances or restarts, and not of others', async () => {
    const db = t.database.db;
    const due = await insertTestDocument(db);
    const far = await insertTestDocument(db);
    const short = await insertTestDocument(db);
    const broken = await insertTestDocument(db);
    await putUnderSilence(db, due.id, new Date(Date.now() + 12 * HOUR));
    await putUnderSilence(db, far.id, new Date(Date.now() + 48 * HOUR));
    await putUnderSilence(db, short.id, new Date(Date.now() + 2 * HOUR));
    await putUnderSilence(db, broken.id, new Date(Date.now() + 6 * HOUR));
    // The due and the broken procedures were started two days ago; the short one just now.
    await db
      .updateTable('consensus_silence')
      .set({ started_at: new Date(Date.now() - 48 * HOUR) })
      .where('document_id', 'in', [due.id, broken.id, far.id])
      .execute();
    await db
      .updateTable('consensus_silence')
      .set({ state: 'broken', broken_by_iso2: 'FR', statement: 'France breaks silence.', ended_at: new Date() })
      .where('document_id', '=', broken.id)
      .execute();

    // Two instances at once, then a third after a restart: one reminder in all.
    const sent = await Promise.all([remindApproachingSilences(db), remindApproachingSilences(db)]);
    expect(sent[0] + sent[1]).toBe(1);
    expect(await remindApproachingSilences(db)).toBe(0);
    // Reminding never concludes: the procedure is still running until its deadline.
    expect(await concludeDueSilences(db)).toEqual({ adopted: 0, lapsed: 0 });

    const symbol = draftSymbol({ council: 'MC', number: due.number, year: 30 }, 1);
    for (const who of [austria, italy]) {
      const mine = await reminders(who);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ link: `/consensus/${due.id}`, params: { symbol } });
    }
    const rows = await db.selectFrom('consensus_silence').select(['document_id', 'reminded_at']).execute();
    const reminded = rows.filter((r) => r.reminded_at !== null).map((r) => r.document_id);
    expect(reminded).toEqual([due.id]);
  });
});
