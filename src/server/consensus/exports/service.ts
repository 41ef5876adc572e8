import { holds } from '../../access/check.js';
import type { Context } from '../../context.js';
import { Problem } from '../../http/problems.js';
import { decisionSymbol, draftSymbol } from '../present.js';
import * as q from '../queries.js';
import { numberParagraphs } from '../text.js';
import { toAkomaNtoso } from './akn.js';
import { textDocx } from './docx.js';
import { textPdf } from './pdf.js';
import type { TextSource } from './text-source.js';

/**
 * The text to export: a given revision, or the last one (the adopted text once adopted). The
 * public exports adopted decisions only; drafts need the right to follow negotiations.
 */
export async function textSource(ctx: Context, id: string, revision?: number): Promise<TextSource> {
  const row = await q.selectDocument(ctx.db, id);
  const follows = holds(ctx.actor, 'consensus.follow');
  if (!row || (!follows && row.stage !== 'adopted')) throw new Problem('not_found', 'There is no such document.');
  const number = revision ?? row.current_revision;
  if (!follows && number !== row.current_revision) throw new Problem('not_found', 'There is no such document.');
  const frozen = await q.selectRevision(ctx.db, id, number);
  if (!frozen)
    throw new Problem(
      'not_found',
      number === 0 ? 'No revision has been issued yet.' : `There is no revision ${number} of this document.`,
    );
  const adopted = row.stage === 'adopted' && number === row.current_revision;
  const statements = adopted
    ? await ctx.db
        .selectFrom('consensus_statement as s')
        .innerJoin('country as c', 'c.iso2', 's.country_iso2')
        .select(['s.id', 's.number', 's.country_iso2', 's.text', 'c.name_en'])
        .where('s.document_id', '=', id)
        .orderBy('s.number')
        .execute()
    : [];
  const joiners = statements.length
    ? await ctx.db
        .selectFrom('consensus_statement_joiner as j')
        .innerJoin('country as c', 'c.iso2', 'j.country_iso2')
        .select(['j.statement_id', 'c.name_en'])
        .where(
          'j.statement_id',
          'in',
          statements.map((s) => s.id),
        )
        .orderBy('c.name_en')
        .execute()
    : [];
  const date = new Date(adopted && row.adopted_at ? row.adopted_at : frozen.issued_at).toISOString().slice(0, 10);
  return {
    symbol: adopted ? (decisionSymbol(row) as string) : draftSymbol(row, number),
    work: draftSymbol(row)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-'),
    title: row.title,
    kind: row.kind,
    council: row.council,
    date,
    language: row.original_language,
    adopted,
    paragraphs: numberParagraphs(frozen.paragraphs),
    statements: statements.map((s) => ({
      number: s.number,
      country: s.country_iso2,
      countryName: s.name_en,
      joinerNames: joiners.filter((j) => j.statement_id === s.id).map((j) => j.name_en),
      text: s.text,
    })),
  };
}

const fileName = (source: TextSource, ext: string) => `${source.symbol.replace(/[^A-Za-z0-9.]+/g, '-')}.${ext}`;

/** The text as Akoma Ntoso 3.0 XML. */
export async function aknExport(ctx: Context, id: string, revision?: number) {
  const source = await textSource(ctx, id, revision);
  return { filename: fileName(source, 'xml'), body: toAkomaNtoso(source) };
}

/** The official PDF. */
export async function pdfExport(ctx: Context, id: string, revision?: number) {
  const source = await textSource(ctx, id, revision);
  return { filename: fileName(source, 'pdf'), body: await textPdf(source) };
}

/** The editable DOCX. */
export async function docxExport(ctx: Context, id: string, revision?: number) {
  const source = await textSource(ctx, id, revision);
  return { filename: fileName(source, 'docx'), body: await textDocx(source) };
}
