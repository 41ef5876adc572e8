import type { Kysely } from 'kysely';
import type { Context } from '../context.js';
import type { DB } from '../db/schema.js';
import { Problem } from '../http/problems.js';
import { ownStates, present } from './present.js';
import * as q from './queries.js';
import type { DocumentView } from './schemas.js';

/** Loads a document for its page; `publicView` shows only what the public sees of an adopted text. */
export async function documentView(ctx: Context, id: string, db: Kysely<DB> = ctx.db, publicView = false): Promise<DocumentView> {
  const row = await q.selectDocument(db, id);
  if (!row || (publicView && row.stage !== 'adopted')) throw new Problem('not_found', 'There is no such document.');
  const [live, positions, lists, states] = await Promise.all([
    q.selectLiveParagraphs(db, id),
    q.selectPositions(db, id),
    q.selectDocumentLists(db, id),
    q.selectParticipatingStates(db),
  ]);
  return present(ctx, row, live, positions, lists, states.length, publicView);
}

/** The document locked for a change, refused unless it is still being drafted. */
export async function lockDrafting(trx: Kysely<DB>, id: string) {
  const row = await q.selectDocument(trx, id, true);
  if (!row) throw new Problem('not_found', 'There is no such document.');
  if (row.stage !== 'drafting') {
    throw new Problem(
      'conflict',
      row.stage === 'silence' ? 'The text is under silence procedure and cannot change.' : 'The text is no longer being drafted.',
    );
  }
  return row;
}

/** Refuses a State that is not a participating State or one the person does not act for. */
export function fieldError(pointer: string, message: string): never {
  throw new Problem('validation', message, { errors: [{ pointer, message }] });
}

/** The State a delegation acts for: the one asked for, if it holds the verb for it, or its only one. */
export function actingState(
  ctx: Context,
  verb: 'consensus.position' | 'consensus.amend' | 'consensus.speak',
  requested?: string,
): string {
  const states = ownStates(ctx, verb);
  if (requested) {
    if (!states.includes(requested)) throw new Problem('forbidden', 'You do not act for this participating State.');
    return requested;
  }
  if (states.length === 1) return states[0] as string;
  return fieldError('/country', 'Say for which participating State you act.');
}

/** Refuses States that are not participating States. */
export async function checkStates(db: Kysely<DB>, pointer: string, states: readonly string[]) {
  if (states.length === 0) return;
  const found = await db
    .selectFrom('country')
    .select('iso2')
    .where('iso2', 'in', states)
    .where('osce_status', '=', 'participating')
    .execute();
  if (found.length !== new Set(states).size) fieldError(pointer, 'Only participating States take part in consensus.');
}
