import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../test-support/app.js';
import { insertTestDocument, putUnderSilence } from '../test-support/consensus/fixtures.js';
import { testBackends } from '../test-support/database.js';
import { adoptDocument } from './adoption.js';
import { deleteParagraph, insertParagraph } from './documents/queries.js';
import { aknErrors } from './exports/validate.js';
import * as q from './queries.js';
import { STANCES } from './schemas.js';
import { seedConsensusDemo } from './seed.js';
import { numberParagraphs } from './text.js';

const STATES = ['AT', 'DE', 'FR', 'IT', 'TR', 'UA'];

describe.each(testBackends())('consensus properties on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend);
  });
  afterAll(() => t?.close());

  it('never adopts a document while any State objects to any live paragraph', async () => {
    const op = fc.record({
      state: fc.constantFrom(...STATES),
      paragraph: fc.constantFrom(0, 1),
      stance: fc.constantFrom(...STANCES, 'not_stated' as const),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 12 }), async (ops) => {
        const doc = await insertTestDocument(t.database.db);
        const ids = [doc.preambularId, doc.operativeId];
        const held = new Map<string, string>();
        for (const o of ops) {
          const paragraphId = ids[o.paragraph] as string;
          held.set(`${o.state}/${o.paragraph}`, o.stance);
          await t.database.db
            .deleteFrom('consensus_position')
            .where('paragraph_id', '=', paragraphId)
            .where('country_iso2', '=', o.state)
            .execute();
          if (o.stance !== 'not_stated') {
            await t.database.db
              .insertInto('consensus_position')
              .values({
                paragraph_id: paragraphId,
                country_iso2: o.state,
                document_id: doc.id,
                stance: o.stance,
                reason: 'A reason.',
                updated_by: null,
              })
              .execute();
          }
        }
        const objects = [...held.values()].includes('objection');
        const outcome = await t.database.db
          .transaction()
          .execute((trx) => adoptDocument(trx, doc.id, 'meeting'))
          .then(
            () => 'adopted',
            () => 'refused',
          );
        const row = await q.selectDocument(t.database.db, doc.id);
        expect(outcome).toBe(objects ? 'refused' : 'adopted');
        expect(row?.stage).toBe(objects ? 'drafting' : 'adopted');
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('ends a silence procedure at the first State that breaks it; no later break counts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...STATES), { minLength: 1, maxLength: 5 }), async (breakers) => {
        const doc = await insertTestDocument(t.database.db);
        await putUnderSilence(t.database.db, doc.id, new Date(Date.now() + 3_600_000));
        const results = await Promise.all(
          breakers.map((state) =>
            t.database.db
              .updateTable('consensus_silence')
              .set({ state: 'broken', broken_by_iso2: state, statement: 'No.', ended_at: sql`now()` })
              .where('document_id', '=', doc.id)
              .where('state', '=', 'running')
              .where('deadline', '>', sql<Date>`now()`)
              .returning('id')
              .executeTakeFirst(),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        const rows = await t.database.db.selectFrom('consensus_silence').selectAll().where('document_id', '=', doc.id).execute();
        expect(rows).toHaveLength(1);
        expect(rows[0]?.state).toBe('broken');
        expect(breakers).toContain(rows[0]?.broken_by_iso2);
      }),
      { numRuns: 10 },
    );
  }, 120_000);

  it('keeps positions and amendments on their paragraph through insertions, deletions and renumbering', async () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(20) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(20) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 10 }), async (steps) => {
        const doc = await insertTestDocument(t.database.db);
        const db = t.database.db;
        let made = 0;
        // Every paragraph gets a position and an amendment naming its own words.
        const mark = async (paragraphId: string, text: string, state: string) => {
          await db
            .insertInto('consensus_position')
            .values({
              paragraph_id: paragraphId,
              country_iso2: state,
              document_id: doc.id,
              stance: 'reservation',
              reason: text,
              updated_by: null,
            })
            .execute();
          await db
            .insertInto('consensus_amendment')
            .values({
              document_id: doc.id,
              kind: 'replace',
              paragraph_id: paragraphId,
              after_paragraph_id: null,
              part: null,
              old_words: text,
              new_words: `${text}!`,
              sponsor_iso2: state,
              created_by: null,
              decided_at: null,
            })
            .execute();
        };
        await mark(doc.operativeId, 'Tasks the executive structures to report on mixed migration;', 'AT');
        for (const s of steps) {
          const live = (await q.selectLiveParagraphs(db, doc.id)).filter((p) => p.part === 'operative');
          if (s.kind === 'insert') {
            made++;
            const after = live.length ? live[s.at % live.length] : undefined;
            const text = `Inserted paragraph ${made};`;
            const row = await insertParagraph(db, {
              documentId: doc.id,
              part: 'operative',
              parentId: null,
              afterPosition: after?.position ?? null,
              text,
              commitmentId: null,
            });
            await mark(row.id, text, STATES[made % STATES.length] as string);
          } else if (live.length > 0) {
            await deleteParagraph(db, (live[s.at % live.length] as { id: string }).id);
          }
        }
        const live = await q.selectLiveParagraphs(db, doc.id);
        const numbers = numberParagraphs(
          live.map((p) => ({ id: p.id, part: p.part, parentId: p.parentId, text: p.text, commitmentId: null })),
        );
        expect(new Set(numbers.map((p) => p.number)).size).toBe(numbers.length);
        const positions = await q.selectPositions(db, doc.id);
        const amendments = await db
          .selectFrom('consensus_amendment')
          .select(['paragraph_id', 'old_words'])
          .where('document_id', '=', doc.id)
          .where('old_words', 'is not', null)
          .execute();
        for (const p of live.filter((x) => x.part === 'operative')) {
          expect(positions.filter((x) => x.paragraph_id === p.id).map((x) => x.reason)).toEqual([p.text]);
          expect(amendments.filter((a) => a.paragraph_id === p.id).map((a) => a.old_words)).toContain(p.text);
        }
        // Deleted paragraphs keep their amendments: none is lost.
        expect(amendments.length).toBe(made + 2);
      }),
      { numRuns: 10 },
    );
  }, 180_000);

  it('seeds a negotiated decision once: two revisions, a lifted objection, a broken and a passed silence, two statements', async () => {
    await seedConsensusDemo(t.database.db);
    await seedConsensusDemo(t.database.db);
    const list = (await t.request(null, { method: 'GET', url: '/api/consensus/public/decisions' })).json();
    const decision = list.items.find((d: { decisionSymbol: string }) => d.decisionSymbol === 'MC.DEC/3/16');
    expect(decision).toMatchObject({ symbol: 'MC.DD/7/16/Rev.2', stage: 'adopted' });
    const chair = await t.as('chair');
    const view = (await t.request(chair, { method: 'GET', url: `/api/consensus/documents/${decision.id}` })).json();
    expect(view.silences.map((s: { state: string }) => s.state)).toEqual(['broken', 'passed']);
    expect(view.statements.map((s: { country: string }) => s.country)).toEqual(['US', 'RU']);
    expect(view.paragraphs.every((p: { state: string }) => p.state === 'agreed')).toBe(true);
    expect(view.amendments.map((a: { status: string }) => a.status).sort()).toEqual(['left', 'left', 'taken']);
    const xml = await t.request(null, { method: 'GET', url: `/api/consensus/documents/${decision.id}/text.xml` });
    expect(await aknErrors(xml.body)).toEqual([]);
  }, 120_000);
});
