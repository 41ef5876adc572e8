import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { insertTestDocument, insertTestMember } from '../../test-support/network/fixtures.js';

type Level = 'public' | 'network' | 'staff' | 'groups';
type ReaderName = 'anonymous' | 'signedIn' | 'member' | 'staff' | 'groupMember' | 'uploader' | 'coordinator';
const READERS: ReaderName[] = ['anonymous', 'signedIn', 'member', 'staff', 'groupMember', 'uploader', 'coordinator'];

/** The rule, as the product states it, written apart from the SQL that enforces it. */
function mayOpen(reader: ReaderName, doc: { access: Level; inGroup: boolean; byUploader: boolean }): boolean {
  if (reader === 'coordinator' || doc.access === 'public') return true;
  if (reader === 'uploader' && doc.byUploader) return true;
  // The uploader is a member of the network too.
  if (doc.access === 'network') return reader === 'member' || reader === 'staff' || reader === 'uploader';
  if (doc.access === 'staff') return reader === 'staff';
  return reader === 'groupMember' && doc.inGroup;
}

describe.each(testBackends())('library access on %s', (backend) => {
  let t: TestApp;
  const personas = new Map<ReaderName, Persona | null>();
  let groupId: string;

  beforeAll(async () => {
    t = await testApp(backend);
    personas.set('anonymous', null);
    personas.set('signedIn', await t.user({ role: 'delegation', countryIso2: 'DE' }));
    personas.set('member', await insertTestMember(t, 'FR'));
    personas.set('staff', await t.user({ role: 'expert' }));
    personas.set('groupMember', await t.user({}));
    personas.set('uploader', await insertTestMember(t, 'IT'));
    personas.set('coordinator', await t.as('coordinator'));
    groupId = (
      await t.database.db.insertInto('library_group').values({ name: 'Investigators' }).returning('id').executeTakeFirstOrThrow()
    ).id;
    await t.database.db
      .insertInto('library_group_member')
      .values({ group_id: groupId, user_id: personas.get('groupMember')!.userId })
      .execute();
  });
  afterAll(() => t?.close());

  it('never shows a document, in results, facets, counts or downloads, to a reader without access', {
    timeout: 240_000,
  }, async () => {
    const doc = fc.record({
      access: fc.constantFrom<Level>('public', 'network', 'staff', 'groups'),
      inGroup: fc.boolean(),
      byUploader: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(doc, { minLength: 1, maxLength: 5 }), fc.constantFrom(...READERS), async (docs, readerName) => {
        const db = t.database.db;
        await db.deleteFrom('library_document').execute();
        const ids: string[] = [];
        for (const d of docs) {
          const id = await insertTestDocument(t, {
            access: d.access,
            text: 'Checkpoint procedures for zebrafinch crossings',
            createdBy: d.byUploader ? personas.get('uploader')!.userId : null,
          });
          await db
            .updateTable('library_document')
            .set({ language: d.access === 'public' ? 'en' : 'fr', country_iso2: 'GR' })
            .where('id', '=', id)
            .execute();
          if (d.inGroup) await db.insertInto('library_document_group').values({ document_id: id, group_id: groupId }).execute();
          ids.push(id);
        }
        const reader = personas.get(readerName) ?? null;
        const allowed = ids.filter((_, i) => mayOpen(readerName, docs[i]!));
        for (const q of ['', 'zebrafinch']) {
          const result = (await t.request(reader, { method: 'GET', url: `/api/library/search?limit=100&q=${q}` })).json();
          expect(result.items.map((i: { document: { id: string } }) => i.document.id).sort()).toEqual([...allowed].sort());
          expect(result.total).toBe(allowed.length);
          const facetTotal = (name: string) => result.facets[name].reduce((n: number, f: { count: number }) => n + f.count, 0);
          expect(facetTotal('type')).toBe(allowed.length);
          expect(facetTotal('country')).toBe(allowed.length);
          expect(facetTotal('language')).toBe(allowed.length);
        }
        for (const id of ids) {
          const file = await t.request(reader, { method: 'GET', url: `/api/library/documents/${id}/file` });
          expect(file.statusCode).toBe(allowed.includes(id) ? 200 : 404);
        }
      }),
      { numRuns: 25 },
    );
  });
});
