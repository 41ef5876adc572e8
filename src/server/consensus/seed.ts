import type { Kysely } from 'kysely';
import { audit, OUTSIDE_REQUEST } from '../audit/record.js';
import type { DB } from '../db/schema.js';
import { insertParagraph } from './documents/queries.js';
import { selectParticipatingStates, selectWorkingText } from './queries.js';
import type { Part } from './tables.js';

const PREAMBLE = [
  [
    'Recalling the Helsinki Final Act of 1975, which recognizes migrant workers as an important economic, social and human factor for host countries as well as countries of origin,',
    1975,
  ],
  ['Recalling also Ministerial Council Decision No. 2/05 on migration and Decision No. 5/09 on migration management,', 2009],
  ['Reaffirming the commitments on tolerance and non-discrimination, in particular Ministerial Council Decision No. 4/03,', 2003],
  [
    'Recognizing that large movements of migrants and refugees affect the security and stability of the whole OSCE area, East and West of Vienna,',
    null,
  ],
] as const;

const OPERATIVE = [
  'Tasks the executive structures, within their mandates and existing resources, to report on the implications of mixed migration for comprehensive security;',
  'Encourages the participating States to share good practices in border security and management in line with the Border Security and Management Concept;',
  'Calls on the participating States to combat intolerance, hate crimes and xenophobia against migrants and refugees;',
  'Requests the Chairmanship to appoint a Special Representative on migration;',
] as const;

/**
 * A Ministerial Council decision on migration negotiated among the 57 participating States:
 * Rev.1 with an objection, amendments, Rev.2 taking one, the objection lifted, a silence broken
 * by one State, a second silence that passes, and two interpretative statements. A second draft
 * is still in the informal working group. Idempotent: nothing is added once the draft exists.
 */
export async function seedConsensusDemo(db: Kysely<DB>): Promise<void> {
  const exists = await db
    .selectFrom('consensus_document')
    .select('id')
    .where('council', '=', 'MC')
    .where('number', '=', 7)
    .where('year', '=', 16)
    .executeTakeFirst();
  if (exists) return;
  await db.transaction().execute(async (trx) => {
    const states = await selectParticipatingStates(trx);
    const commitments = await trx.selectFrom('consensus_commitment').select(['id', 'year']).execute();
    const commitmentOf = (year: number | null) => (year ? (commitments.find((c) => c.year === year)?.id ?? null) : null);
    const at = (iso: string) => new Date(iso);
    const { id } = await trx
      .insertInto('consensus_document')
      .values({
        council: 'MC',
        number: 7,
        year: 16,
        title: 'Decision on the OSCE’s role in the governance of large movements of migrants and refugees',
        body: 'ministerial_council',
        created_by: null,
        decision_number: null,
        adopted_at: null,
        adopted_how: null,
        created_at: at('2016-10-03T09:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const add = (part: Part, text: string, commitmentId: string | null = null) =>
      insertParagraph(trx, { documentId: id, part, parentId: null, afterPosition: null, text, commitmentId });
    for (const [text, year] of PREAMBLE) await add('preambular', text, commitmentOf(year));
    const ops: string[] = [];
    for (const text of OPERATIVE) ops.push((await add('operative', text)).id);
    await insertParagraph(trx, {
      documentId: id,
      part: 'operative',
      parentId: ops[1] as string,
      afterPosition: null,
      text: 'through the Border Security and Management National Focal Point Network;',
      commitmentId: null,
    });
    const issue = async (number: number, when: string) => {
      await trx
        .insertInto('consensus_revision')
        .values({
          document_id: id,
          number,
          paragraphs: JSON.stringify(await selectWorkingText(trx, id)),
          issued_by: null,
          issued_at: at(when),
        })
        .execute();
      await trx.updateTable('consensus_document').set({ current_revision: number }).where('id', '=', id).execute();
    };
    await issue(1, '2016-10-14T15:00:00Z');
    const texts = await trx.selectFrom('consensus_paragraph').select(['id', 'text']).where('document_id', '=', id).execute();
    // Every State agrees to every paragraph but the fourth operative one, to which Hungary objects.
    const values = texts.flatMap((p) =>
      states.map((country_iso2) => ({
        paragraph_id: p.id,
        country_iso2,
        document_id: id,
        stance:
          p.id === ops[3] && country_iso2 === 'HU'
            ? ('objection' as const)
            : country_iso2 === 'RU' && p.id === ops[2]
              ? ('reservation' as const)
              : ('agree' as const),
        reason: p.id === ops[3] && country_iso2 === 'HU' ? 'A new Special Representative duplicates existing mandates.' : '',
        updated_by: null,
      })),
    );
    await trx.insertInto('consensus_position').values(values).execute();
    const amendment = (values: {
      kind: 'insert' | 'delete' | 'replace';
      paragraph_id?: string;
      after?: string;
      old?: string;
      text?: string;
      sponsor: string;
      why: string;
      status: 'taken' | 'left' | 'tabled';
    }) =>
      trx
        .insertInto('consensus_amendment')
        .values({
          document_id: id,
          kind: values.kind,
          paragraph_id: values.paragraph_id ?? null,
          after_paragraph_id: values.after ?? null,
          part: values.kind === 'insert' ? 'operative' : null,
          old_words: values.old ?? null,
          new_words: values.text ?? null,
          justification: values.why,
          sponsor_iso2: values.sponsor,
          status: values.status,
          created_by: null,
          decided_at: values.status === 'tabled' ? null : at('2016-10-28T10:00:00Z'),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const replace = await amendment({
      kind: 'replace',
      paragraph_id: ops[3],
      old: 'to appoint a Special Representative on migration',
      text: 'to consider, within existing structures, how best to co-ordinate the OSCE’s work on migration',
      sponsor: 'HU',
      why: 'Co-ordination without a new mandate or post.',
      status: 'taken',
    });
    await trx
      .insertInto('consensus_cosponsor')
      .values([
        { amendment_id: replace.id, country_iso2: 'PL' },
        { amendment_id: replace.id, country_iso2: 'SK' },
      ])
      .execute();
    const insert = await amendment({
      kind: 'insert',
      after: ops[2],
      text: 'Encourages co-operation with the Partners for Co-operation on migration-related challenges;',
      sponsor: 'IT',
      why: 'The Mediterranean Partners are countries of origin and transit.',
      status: 'left',
    });
    await trx
      .insertInto('consensus_cosponsor')
      .values([
        { amendment_id: insert.id, country_iso2: 'GR' },
        { amendment_id: insert.id, country_iso2: 'MT' },
      ])
      .execute();
    await amendment({
      kind: 'delete',
      paragraph_id: ops[2],
      sponsor: 'RU',
      why: 'Covered by Decision No. 4/03.',
      status: 'left',
    });
    // Rev.2 takes Hungary's amendment; Hungary lifts its objection and can live with the text.
    await trx
      .updateTable('consensus_paragraph')
      .set({
        text: 'Requests the Chairmanship to consider, within existing structures, how best to co-ordinate the OSCE’s work on migration;',
      })
      .where('id', '=', ops[3] as string)
      .execute();
    await issue(2, '2016-11-04T15:00:00Z');
    await trx
      .updateTable('consensus_position')
      .set({ stance: 'can_live', reason: '' })
      .where('paragraph_id', '=', ops[3] as string)
      .where('country_iso2', '=', 'HU')
      .execute();
    await trx
      .insertInto('consensus_silence')
      .values({
        document_id: id,
        revision_number: 2,
        deadline: at('2016-11-18T11:00:00Z'),
        state: 'broken',
        broken_by_iso2: 'TR',
        statement: 'Türkiye needs to consult its capital on the reference to the Partners for Co-operation.',
        started_by: null,
        started_at: at('2016-11-11T11:00:00Z'),
        ended_at: at('2016-11-16T09:30:00Z'),
      })
      .execute();
    await trx
      .insertInto('consensus_silence')
      .values({
        document_id: id,
        revision_number: 2,
        deadline: at('2016-12-02T11:00:00Z'),
        state: 'passed',
        broken_by_iso2: null,
        statement: null,
        started_by: null,
        started_at: at('2016-11-25T11:00:00Z'),
        ended_at: at('2016-12-02T11:00:00Z'),
      })
      .execute();
    await trx
      .updateTable('consensus_document')
      .set({ stage: 'adopted', decision_number: 3, adopted_at: at('2016-12-02T11:00:00Z'), adopted_how: 'silence' })
      .where('id', '=', id)
      .execute();
    const us = await trx
      .insertInto('consensus_statement')
      .values({
        document_id: id,
        number: 1,
        country_iso2: 'US',
        text: 'The United States understands this decision as creating no new financial obligation and as fully consistent with existing OSCE commitments on freedom of movement.',
        created_by: null,
        created_at: at('2016-12-02T12:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('consensus_statement_joiner')
      .values([{ statement_id: us.id, country_iso2: 'CA' }])
      .execute();
    await trx
      .insertInto('consensus_statement')
      .values({
        document_id: id,
        number: 2,
        country_iso2: 'RU',
        text: 'The Russian Federation joined the consensus on the understanding that border security remains the sovereign responsibility of each participating State.',
        created_by: null,
        created_at: at('2016-12-02T12:30:00Z'),
      })
      .execute();
    await trx.insertInto('consensus_event').values({ document_id: id, kind: 'adopted' }).execute();

    // A draft still before the informal working group.
    const draft = await trx
      .insertInto('consensus_document')
      .values({
        council: 'PC',
        number: 12,
        year: 16,
        title: 'Draft decision on combating trafficking in human beings along migration routes',
        body: 'working_group',
        created_by: null,
        decision_number: null,
        adopted_at: null,
        adopted_how: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertParagraph(trx, {
      documentId: draft.id,
      part: 'preambular',
      parentId: null,
      afterPosition: null,
      text: 'Deeply concerned that people smuggling and trafficking in human beings thrive along migration routes,',
      commitmentId: null,
    });
    const op = await insertParagraph(trx, {
      documentId: draft.id,
      part: 'operative',
      parentId: null,
      afterPosition: null,
      text: 'Tasks the Special Representative and Co-ordinator for Combating Trafficking in Human Beings to report on trafficking along migration routes;',
      commitmentId: null,
    });
    await trx
      .insertInto('consensus_revision')
      .values({
        document_id: draft.id,
        number: 1,
        paragraphs: JSON.stringify(await selectWorkingText(trx, draft.id)),
        issued_by: null,
      })
      .execute();
    await trx.updateTable('consensus_document').set({ current_revision: 1 }).where('id', '=', draft.id).execute();
    await trx
      .insertInto('consensus_position')
      .values(
        ['AT', 'DE', 'IT', 'GR'].map((country_iso2) => ({
          paragraph_id: op.id,
          country_iso2,
          document_id: draft.id,
          stance: 'agree' as const,
          reason: '',
          updated_by: null,
        })),
      )
      .execute();
    await audit(trx, OUTSIDE_REQUEST, {
      verb: 'consensus.create',
      recordType: 'consensus_document',
      recordId: id,
      details: { demo: true },
    });
  });
}
