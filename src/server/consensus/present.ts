import { holds, scopeOf } from '../access/check.js';
import type { Context } from '../context.js';
import type * as q from './queries.js';
import type { DocumentRow } from './queries.js';
import type { AmendmentView, DocumentSummary, DocumentView, ParagraphView, SilenceView, StatementView } from './schemas.js';
import type { Stance } from './tables.js';
import { numberParagraphs } from './text.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** MC.DD/7/16, the symbol of a draft; MC.DD/7/16/Rev.2 once revised. */
export function draftSymbol(row: Pick<DocumentRow, 'council' | 'number' | 'year'>, revision = 0): string {
  const base = `${row.council}.DD/${row.number}/${String(row.year).padStart(2, '0')}`;
  return revision > 0 ? `${base}/Rev.${revision}` : base;
}

/** MC.DEC/3/16 for a decision, MC.DECL/1/16 for a declaration, once adopted. */
export function decisionSymbol(row: Pick<DocumentRow, 'council' | 'kind' | 'year' | 'decision_number'>): string | null {
  if (row.decision_number === null) return null;
  return `${row.council}.${row.kind === 'declaration' ? 'DECL' : 'DEC'}/${row.decision_number}/${String(row.year).padStart(2, '0')}`;
}

/** The States a person acts for with a verb (a delegation's grants). */
export function ownStates(ctx: Context, verb: 'consensus.position' | 'consensus.amend' | 'consensus.speak'): string[] {
  return [...scopeOf(ctx.actor, verb).countries].sort();
}

export function summary(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    symbol: draftSymbol(row, row.current_revision),
    decisionSymbol: decisionSymbol(row),
    kind: row.kind,
    title: row.title,
    body: row.body,
    stage: row.stage,
    currentRevision: row.current_revision,
    adoptedAt: iso(row.adopted_at),
    updatedAt: iso(row.updated_at) as string,
  };
}

type Positions = Awaited<ReturnType<typeof q.selectPositions>>;
type Lists = Awaited<ReturnType<typeof q.selectDocumentLists>>;
type Live = Awaited<ReturnType<typeof q.selectLiveParagraphs>>;

/**
 * A paragraph is agreed (ad referendum) when every participating State accepts it, blocked while
 * one objects, open otherwise.
 */
export function paragraphState(stances: readonly Stance[], states: number): ParagraphView['state'] {
  if (stances.includes('objection')) return 'blocked';
  return stances.length >= states ? 'agreed' : 'open';
}

function actionsOf(ctx: Context, row: DocumentRow, hasObjection: boolean, running: boolean): string[] {
  const actions: string[] = [];
  const drafting = row.stage === 'drafting';
  if (holds(ctx.actor, 'consensus.draft')) {
    if (drafting) actions.push('edit', 'issue', 'decide', 'withdraw');
    if (drafting && row.current_revision > 0 && !hasObjection) actions.push('silence');
  }
  // Offered while objections stand too: the refusal names the blocked paragraphs.
  if (holds(ctx.actor, 'consensus.adopt') && drafting && row.current_revision > 0) actions.push('adopt');
  if (holds(ctx.actor, 'consensus.register') && (drafting || row.stage === 'silence')) actions.push('symbol');
  const delegation = ownStates(ctx, 'consensus.position').length > 0;
  if (delegation && drafting && row.current_revision > 0) actions.push('position');
  if (ownStates(ctx, 'consensus.amend').length > 0 && drafting) actions.push('amend');
  if (ownStates(ctx, 'consensus.speak').length > 0 && running) actions.push('break');
  if (ownStates(ctx, 'consensus.speak').length > 0 && row.stage === 'adopted') actions.push('state');
  return actions;
}

/** The whole document as the reader may see it: positions of other States only for the chair and the Secretariat, or where the document shows names. */
export function present(
  ctx: Context,
  row: DocumentRow,
  live: Live,
  positions: Positions,
  lists: Lists,
  states: number,
  publicView = false,
): DocumentView {
  const seesAll = holds(ctx.actor, 'consensus.read_all') || row.show_names;
  const own = new Set(ownStates(ctx, 'consensus.position'));
  const commitments = new Map(lists.commitments.map((c) => [c.id, c]));
  const numbered = numberParagraphs(
    live.map((p) => ({ id: p.id, part: p.part, parentId: p.parentId, text: p.text, commitmentId: p.commitment_id })),
  );
  const byParagraph = new Map<string, Positions>();
  for (const p of positions) byParagraph.set(p.paragraph_id, [...(byParagraph.get(p.paragraph_id) ?? []), p]);
  const paragraphs: ParagraphView[] = numbered.map((p) => {
    const list = byParagraph.get(p.id) ?? [];
    const counts = { agree: 0, can_live: 0, reservation: 0, objection: 0 };
    for (const item of list) counts[item.stance]++;
    const mine = list.find((item) => own.has(item.country_iso2));
    return {
      id: p.id,
      number: p.number,
      part: p.part,
      parentId: p.parentId,
      text: p.text,
      commitment: p.commitmentId ? (commitments.get(p.commitmentId) ?? null) : null,
      state: paragraphState(
        list.map((item) => item.stance),
        states,
      ),
      counts,
      objectors:
        seesAll && !publicView
          ? list
              .filter((item) => item.stance === 'objection')
              .map((item) => item.country_iso2)
              .sort()
          : [],
      own: mine ? { stance: mine.stance, reason: mine.reason } : null,
    };
  });
  const cosponsors = (id: string) => lists.cosponsors.filter((c) => c.amendment_id === id).map((c) => c.country_iso2);
  const amendments: AmendmentView[] = publicView
    ? []
    : lists.amendments.map((a) => ({
        id: a.id,
        kind: a.kind,
        paragraphId: a.paragraph_id,
        afterParagraphId: a.after_paragraph_id,
        part: a.part,
        oldWords: a.old_words,
        newWords: a.new_words,
        justification: a.justification,
        sponsor: a.sponsor_iso2,
        cosponsors: cosponsors(a.id),
        status: a.status,
        flagged: a.flagged,
        createdAt: iso(a.created_at) as string,
      }));
  const silences: SilenceView[] = lists.silences.map((s) => ({
    id: s.id,
    revisionNumber: s.revision_number,
    deadline: iso(s.deadline) as string,
    state: s.state,
    brokenBy: s.broken_by_iso2,
    statement: s.statement,
    endedAt: iso(s.ended_at),
  }));
  const statements: StatementView[] = lists.statements.map((s) => ({
    id: s.id,
    number: s.number,
    country: s.country_iso2,
    text: s.text,
    joiners: lists.joiners.filter((j) => j.statement_id === s.id).map((j) => j.country_iso2),
    createdAt: iso(s.created_at) as string,
  }));
  const running = silences.some((s) => s.state === 'running');
  return {
    ...summary(row),
    council: row.council,
    number: row.number,
    year: row.year,
    originalLanguage: row.original_language as DocumentView['originalLanguage'],
    adoptedHow: row.adopted_how,
    showNames: row.show_names,
    paragraphs,
    revisions: lists.revisions.map((r) => ({
      number: r.number,
      symbol: draftSymbol(row, r.number),
      issuedAt: iso(r.issued_at) as string,
    })),
    amendments,
    silences,
    statements,
    ownStates: [...own],
    actions: publicView
      ? []
      : actionsOf(
          ctx,
          row,
          paragraphs.some((p) => p.state === 'blocked'),
          running,
        ),
  };
}
