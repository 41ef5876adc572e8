import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { Problem } from '../http/problems.js';
import * as q from './queries.js';
import { numberParagraphs, sameText } from './text.js';

/**
 * Refuses consensus while any State objects, naming the blocked paragraphs as negotiators cite
 * them (PP2, OP3(b)) so that the chair knows where to work.
 */
export async function refuseWhileObjected(trx: Kysely<DB>, documentId: string): Promise<void> {
  const objections = await q.countObjections(trx, documentId);
  if (objections === 0) return;
  const blocked = new Set(
    (await q.selectPositions(trx, documentId)).filter((p) => p.stance === 'objection').map((p) => p.paragraph_id),
  );
  const paragraphs = numberParagraphs(await q.selectWorkingText(trx, documentId))
    .filter((p) => blocked.has(p.id))
    .map((p) => p.number)
    .join(', ');
  throw new Problem('conflict', `There is no consensus: objections still stand on ${paragraphs}.`, {
    extensions: { objections, paragraphs },
  });
}

/**
 * Adopts a document by consensus, in the caller's transaction on a locked document row: refused
 * while any State objects to any paragraph; the text is frozen as its last revision and the
 * decision takes the next number of its council, kind and year.
 */
export async function adoptDocument(trx: Kysely<DB>, documentId: string, how: 'meeting' | 'silence'): Promise<number> {
  const row = await q.selectDocument(trx, documentId, true);
  if (!row) throw new Problem('not_found', 'There is no such document.');
  if (row.stage === 'adopted') throw new Problem('conflict', 'The document is already adopted.');
  if (row.current_revision === 0) throw new Problem('conflict', 'No revision has been issued: there is no text to adopt.');
  await refuseWhileObjected(trx, documentId);
  const working = await q.selectWorkingText(trx, documentId);
  const frozen = await q.selectRevision(trx, documentId, row.current_revision);
  if (!sameText(frozen?.paragraphs, working)) {
    throw new Problem('conflict', 'The working text differs from the last revision: issue a revision before adoption.');
  }
  // Serialises numbering per council, kind and year: the unique constraint stops any double number.
  const last = await trx
    .selectFrom('consensus_document')
    .select((eb) => eb.fn.max('decision_number').as('n'))
    .where('council', '=', row.council)
    .where('kind', '=', row.kind)
    .where('year', '=', row.year)
    .executeTakeFirst();
  const number = (last?.n ?? 0) + 1;
  await trx
    .updateTable('consensus_document')
    .set({ stage: 'adopted', decision_number: number, adopted_at: sql`now()`, adopted_how: how })
    .where('id', '=', documentId)
    .execute();
  await q.insertEvent(trx, documentId, 'adopted');
  return number;
}
