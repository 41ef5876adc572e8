import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { notify } from '../notifications/notify.js';
import { draftSymbol } from './present.js';
import type { DocumentRow } from './queries.js';

type Named = Pick<DocumentRow, 'id' | 'council' | 'number' | 'year' | 'title'>;

/** Every delegation: a draft is negotiated among all participating States. */
const DELEGATIONS = { roles: [{ role: 'delegation' as const }] };

/** Tells the delegations that the chair issued a revision, naming it by its symbol. */
export async function tellRevisionIssued(trx: Kysely<DB>, document: Named, revision: number, actorId?: string) {
  await notify(trx, {
    kind: 'consensus.revision_issued',
    to: DELEGATIONS,
    params: { symbol: draftSymbol(document, revision), title: document.title },
    link: `/consensus/${document.id}`,
    except: actorId,
  });
}

/** Tells the delegations that a revision is under silence until the deadline (UTC). */
export async function tellSilenceStarted(trx: Kysely<DB>, document: Named, revision: number, deadline: Date, actorId?: string) {
  await notify(trx, {
    kind: 'consensus.silence_started',
    to: DELEGATIONS,
    params: {
      symbol: draftSymbol(document, revision),
      title: document.title,
      deadline: `${deadline.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    },
    link: `/consensus/${document.id}`,
    except: actorId,
  });
}

/** Reminds the delegations that silence on a revision ends at the deadline (UTC). */
export async function tellSilenceEnding(trx: Kysely<DB>, document: Named, revision: number, deadline: Date) {
  await notify(trx, {
    kind: 'consensus.silence_ending',
    to: DELEGATIONS,
    params: {
      symbol: draftSymbol(document, revision),
      title: document.title,
      deadline: `${deadline.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    },
    link: `/consensus/${document.id}`,
  });
}
