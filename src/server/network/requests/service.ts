import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import type { FieldError } from '../../http/problems.js';
import { Problem } from '../../http/problems.js';
import { LANGUAGES, type Language } from '../../notifications/catalogue.js';
import { notify } from '../../notifications/notify.js';
import { existingCodes, existingCountry } from '../documents/queries.js';
import { uploadDocument } from '../documents/service.js';
import { type Reader, readerOf } from '../membership.js';
import { selectMemberAccounts } from '../notices/queries.js';
import * as q from './queries.js';
import type {
  AnswerBody,
  BestAnswerBody,
  RequestBody,
  RequestDetail,
  RequestList,
  RequestQuery,
  RequestSummary,
  SaveBody,
} from './schemas.js';

const iso = (d: Date | string) => new Date(d).toISOString();

type NetworkReader = Reader & { userId: string };

async function networkReader(ctx: Context): Promise<NetworkReader> {
  const reader = await readerOf(ctx);
  if (!reader.userId) throw new Problem('unauthenticated');
  if (!reader.member && !reader.all) {
    throw new Problem('forbidden', 'Requests for assistance are for the members of the network.');
  }
  return reader as NetworkReader;
}

function present(row: q.RequestRow, reader: NetworkReader): RequestSummary {
  const asker = row.author_id === reader.userId || reader.all;
  const actions: RequestSummary['actions'] = [];
  if (row.author_id !== reader.userId) actions.push('answer');
  if (asker && row.answers > 0) actions.push('choose_best');
  if (asker && row.best_answer_id && !row.document_id) actions.push('save_to_library');
  return {
    id: row.id,
    title: row.title,
    question: row.question,
    keyAreas: row.key_areas,
    country: row.country_iso2,
    subregion: row.subregion as RequestSummary['subregion'],
    author: row.author,
    createdAt: iso(row.created_at),
    answers: row.answers,
    status: row.best_answer_id ? 'resolved' : 'open',
    documentId: row.document_id,
    actions,
  };
}

/** The network's requests for assistance, newest first, filtered and paged. */
export async function listRequests(ctx: Context, query: RequestQuery): Promise<RequestList> {
  const reader = await networkReader(ctx);
  const limit = query.limit ?? 20;
  const offset = query.offset ?? 0;
  const rows = await q.selectRequests(ctx.db, { ...query, limit, offset });
  return { items: rows.map((r) => present(r, reader)), total: rows[0]?.total ?? 0, limit, offset };
}

async function findRequest(ctx: Context, reader: NetworkReader, id: string) {
  const [row] = await q.selectRequests(ctx.db, { ids: [id], limit: 1, offset: 0 });
  if (!row) throw new Problem('not_found', 'There is no such request for assistance.');
  return { row, summary: present(row, reader) };
}

/** One request with its answers. */
export async function getRequest(ctx: Context, id: string): Promise<RequestDetail> {
  const reader = await networkReader(ctx);
  const { row, summary } = await findRequest(ctx, reader, id);
  const answers = await q.selectAnswers(ctx.db, id);
  return {
    ...summary,
    answerList: answers.map((a) => ({
      id: a.id,
      author: a.author,
      country: a.country ?? null,
      body: a.body,
      best: a.id === row.best_answer_id,
      createdAt: iso(a.created_at),
    })),
  };
}

/** A member asks the network "who has experience with …?"; the members (of the sub-region, if one) are told. */
export async function askRequest(ctx: Context, body: RequestBody): Promise<RequestDetail> {
  const reader = await networkReader(ctx);
  const keyAreas = body.keyAreas ?? [];
  const errors: FieldError[] = [];
  const known = await existingCodes(ctx.db, 'key_area', keyAreas);
  if (keyAreas.some((k) => !known.has(k))) {
    errors.push({ pointer: '/keyAreas', code: 'unknown', message: 'Choose up to five of the five key areas.' });
  }
  if (body.country && !(await existingCountry(ctx.db, body.country))) {
    errors.push({ pointer: '/country', code: 'unknown', message: 'This country is not in the reference data.' });
  }
  if (errors.length > 0) throw new Problem('validation', undefined, { errors });
  const request = await q.insertRequest(ctx.db, {
    title: body.title.trim(),
    question: body.question.trim(),
    key_areas: keyAreas,
    country_iso2: body.country ?? null,
    subregion: body.subregion ?? null,
    author_id: reader.userId,
  });
  const members = await selectMemberAccounts(ctx.db, body.subregion ?? null);
  await notify(ctx.db, {
    kind: 'network.request',
    to: { users: members },
    params: { title: body.title.trim() },
    link: `/network/requests/${request.id}`,
    except: reader.userId,
  });
  await audit(ctx.db, ctx, {
    verb: 'network.request',
    recordType: 'network_request',
    recordId: request.id,
    details: { subregion: body.subregion ?? null, told: members.length },
  });
  return getRequest(ctx, request.id);
}

/** A member answers a request; its asker is told. */
export async function answerRequest(ctx: Context, id: string, body: AnswerBody): Promise<RequestDetail> {
  const reader = await networkReader(ctx);
  const { row, summary } = await findRequest(ctx, reader, id);
  if (!summary.actions.includes('answer')) throw new Problem('forbidden', 'The asker does not answer their own request.');
  const answer = await q.insertAnswer(ctx.db, { request_id: id, author_id: reader.userId, body: body.body.trim() });
  const me = await ctx.db.selectFrom('app_user').select('name').where('id', '=', reader.userId).executeTakeFirst();
  await notify(ctx.db, {
    kind: 'network.request_answered',
    to: { users: [row.author_id] },
    params: { title: row.title, name: me?.name ?? '' },
    link: `/network/requests/${id}`,
    except: reader.userId,
  });
  await audit(ctx.db, ctx, {
    verb: 'network.answer',
    recordType: 'network_request',
    recordId: id,
    details: { answer: answer.id },
  });
  return getRequest(ctx, id);
}

/** The asker (or the co-ordinator) marks the best answer; choosing again replaces it. */
export async function chooseBestAnswer(ctx: Context, id: string, body: BestAnswerBody): Promise<RequestDetail> {
  const reader = await networkReader(ctx);
  const { row } = await findRequest(ctx, reader, id);
  if (row.author_id !== reader.userId && !reader.all) {
    throw new Problem('forbidden', 'Only the asker and the co-ordinator choose the best answer.');
  }
  if (!(await q.updateBestAnswer(ctx.db, id, body.answerId))) {
    throw new Problem('validation', undefined, {
      errors: [{ pointer: '/answerId', code: 'unknown', message: 'This answer is not one of this request’s.' }],
    });
  }
  await audit(ctx.db, ctx, {
    verb: 'network.best_answer',
    recordType: 'network_request',
    recordId: id,
    details: { answer: body.answerId },
  });
  return getRequest(ctx, id);
}

/**
 * Saves the best answer into the library as a good-practice document open to the network's
 * members: a plain-text file of the question and its answer, stored and read like any upload, so
 * that search finds it. Once per request.
 */
export async function saveToLibrary(ctx: Context, id: string, body: SaveBody): Promise<RequestDetail> {
  const reader = await networkReader(ctx);
  const { row } = await findRequest(ctx, reader, id);
  if (row.author_id !== reader.userId && !reader.all) {
    throw new Problem('forbidden', 'Only the asker and the co-ordinator save the best answer to the library.');
  }
  if (!row.best_answer_id) throw new Problem('conflict', 'Choose the best answer before saving it to the library.');
  if (row.document_id) throw new Problem('conflict', 'This request’s best answer is already in the library.');
  const best = (await q.selectAnswers(ctx.db, id)).find((a) => a.id === row.best_answer_id);
  if (!best) throw new Problem('conflict', 'Choose the best answer before saving it to the library.');
  const agency = best.author_id
    ? await ctx.db
        .selectFrom('network_focal_point')
        .select('agency')
        .where('user_id', '=', best.author_id)
        .where('status', '=', 'confirmed')
        .orderBy('country_iso2')
        .executeTakeFirst()
    : undefined;
  // The answerer's State by its name in the document's language (English when it is not one of the six).
  const language: Language = (LANGUAGES as readonly string[]).includes(body.language) ? (body.language as Language) : 'en';
  const state = best.country
    ? await ctx.db.selectFrom('country').select(`name_${language} as name`).where('iso2', '=', best.country).executeTakeFirst()
    : undefined;
  const title = (body.title ?? row.title).trim();
  const text = [title, row.question, best.body, [best.author, state?.name ?? best.country].filter(Boolean).join(', ')]
    .filter((part) => part.length > 0)
    .join('\n\n');
  await uploadDocument(
    ctx,
    Buffer.from(text, 'utf8'),
    {
      title,
      summary: row.question.slice(0, 4000),
      type: 'good_practice',
      language: body.language,
      ...(row.country_iso2 ? { country: row.country_iso2 } : {}),
      keyAreas: row.key_areas.join(','),
      issuedOn: iso(best.created_at).slice(0, 10),
      sourceOrganisation: agency?.agency ?? '',
      access: 'network',
      fileName: 'good-practice.txt',
    },
    async (trx, documentId) => {
      const linked = await q.updateRequestDocument(trx, id, documentId);
      if (Number(linked.numUpdatedRows) === 0) {
        throw new Problem('conflict', 'This request’s best answer is already in the library.');
      }
      await audit(trx, ctx, {
        verb: 'network.save_answer',
        recordType: 'network_request',
        recordId: id,
        details: { document: documentId },
      });
    },
  );
  return getRequest(ctx, id);
}
