import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import type { ReportContent } from '../schemas.js';
import { wordDiff } from './diff.js';
import * as q from './queries.js';
import { htmlToParagraphs, sanitiseHtml } from './sanitise.js';
import type { DiffQuery, DiffView, ReportView, SaveReportBody, VersionSummary, VersionView } from './schemas.js';
import { getReport, readableReport } from './service.js';
import { refusal } from './workflow.js';

function mapValues<T extends Record<string, string>>(record: T, f: (v: string) => string): T {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)])) as T;
}

/** The content with every rich-text field reduced to the safe subset and plain fields trimmed. */
export function sanitiseContent(content: ReportContent): ReportContent {
  return {
    situation: sanitiseHtml(content.situation),
    findings: mapValues(content.findings, sanitiseHtml),
    keyAreaFindings: mapValues(content.keyAreaFindings, sanitiseHtml),
    securityImplications: sanitiseHtml(content.securityImplications),
    alert: {
      level: content.alert.level,
      rationale: sanitiseHtml(content.alert.rationale),
      indicators: content.alert.indicators.map((i) => i.trim()).filter((i) => i.length > 0),
    },
    recommendations: content.recommendations.map((r) => ({ ...r, text: r.text.trim() })),
  };
}

/** Refuses recommendations without exactly one addressee, or naming a State or structure that does not exist. */
async function checkRecommendations(db: q.Db, items: ReportContent['recommendations']) {
  items.forEach((r, i) => {
    if ((r.addresseeCountry === null) === (r.addresseeOrganisationId === null)) {
      throw new Problem('validation', `Recommendation ${i + 1} needs one addressee: a State or a structure.`, {
        errors: [{ pointer: `/content/recommendations/${i}`, message: 'Name either a State or a structure.' }],
      });
    }
    if (!r.text.trim()) throw new Problem('validation', `Recommendation ${i + 1} has no text.`);
  });
  const countries = [...new Set(items.flatMap((r) => (r.addresseeCountry ? [r.addresseeCountry] : [])))];
  const organisations = [...new Set(items.flatMap((r) => (r.addresseeOrganisationId ? [r.addresseeOrganisationId] : [])))];
  const [knownCountries, knownOrganisations] = await Promise.all([
    q.existing(db, 'country', countries),
    q.existing(db, 'organisation', organisations),
  ]);
  const missing = [
    ...countries.filter((c) => !knownCountries.has(c)),
    ...organisations.filter((o) => !knownOrganisations.has(o)),
  ];
  if (missing.length > 0) throw new Problem('unknown_reference', `Unknown addressee: ${missing.join(', ')}.`);
}

/**
 * Saves an edit as the next version, only if it starts from the current one. Two people saving
 * from the same version: the first wins, the second gets a 409 carrying the current version so
 * the page can show both texts side by side.
 */
export async function saveReport(ctx: Context, id: string, input: SaveReportBody): Promise<ReportView> {
  const content = sanitiseContent(input.content);
  await checkRecommendations(ctx.db, content.recommendations);
  const saved = await inTransaction(ctx.db, async (trx) => {
    const { row, standing } = await readableReport(ctx, id, trx);
    const refused = refusal('edit', row.status, standing);
    if (refused === 'forbidden') throw new Problem('forbidden', 'Only the mission’s team edits its report.');
    if (refused === 'conflict') throw new Problem('conflict', `A ${row.status} report can no longer be edited.`);
    const next = await q.bumpVersion(trx, id, input.baseVersion);
    if (next === null) return null;
    await q.insertVersion(trx, id, next, content, ctx.actor?.userId ?? null);
    await audit(trx, ctx, { verb: 'report.edit', recordType: 'mission_report', recordId: id, details: { version: next } });
    return getReport(ctx, id, trx);
  });
  if (saved) return saved;
  // Read after the refused transaction so the conflict carries what the other person saved.
  const current = await getReport(ctx, id);
  throw new Problem(
    'conflict',
    `Someone saved version ${current.version} while you were editing version ${input.baseVersion}. Compare both texts and save again.`,
    { extensions: { current } },
  );
}

/**
 * The drafting history (versions, diffs) is the team's and the co-ordinator's working material;
 * readers of a distributed report see the adopted text only.
 */
async function drafterView(ctx: Context, id: string) {
  const { standing } = await readableReport(ctx, id);
  if (!standing.member && !standing.reviewer) {
    throw new Problem('forbidden', 'The drafting history is visible to the mission’s team and the co-ordinator.');
  }
}

/** Every version of a report, newest first (team and co-ordinator). */
export async function listVersions(ctx: Context, id: string): Promise<VersionSummary[]> {
  await drafterView(ctx, id);
  const rows = await q.selectVersions(ctx.db, id);
  return rows.map((r) => ({ number: r.number, author: r.author, at: new Date(r.created_at).toISOString() }));
}

/** One version of a report (team and co-ordinator). */
export async function getVersion(ctx: Context, id: string, number: number): Promise<VersionView> {
  await drafterView(ctx, id);
  const row = await q.selectVersion(ctx.db, id, number);
  if (!row) throw new Problem('not_found', `This report has no version ${number}.`);
  return { number: row.number, author: row.author, at: new Date(row.created_at).toISOString(), content: row.content };
}

/**
 * The sections of a report as plain text, in reading order, for comparing versions. What a reader
 * names in words (the alert level, each recommendation's addressee, key area, dimension, priority)
 * is a section of its own holding the bare code, which the page names in the reader's language.
 */
export function sectionsOf(content: ReportContent): Array<[string, string]> {
  const text = (html: string) => htmlToParagraphs(html).join('\n');
  return [
    ['situation', text(content.situation)],
    ...Object.entries(content.findings).map(([k, v]): [string, string] => [`findings.${k}`, text(v)]),
    ...Object.entries(content.keyAreaFindings).map(([k, v]): [string, string] => [`keyAreaFindings.${k}`, text(v)]),
    ['securityImplications', text(content.securityImplications)],
    ['alert.level', content.alert.level ?? ''],
    ['alert', [text(content.alert.rationale), content.alert.indicators.join('; ')].join('\n')],
    ['recommendations', content.recommendations.map((r, i) => `${i + 1}. ${r.text}`).join('\n')],
    ...content.recommendations.flatMap(
      (r, i): Array<[string, string]> => [
        [`recommendation.${i + 1}.addressee`, r.addresseeCountry ?? r.addresseeOrganisationId ?? ''],
        [`recommendation.${i + 1}.keyArea`, r.keyArea],
        [`recommendation.${i + 1}.dimension`, r.dimension],
        [`recommendation.${i + 1}.priority`, r.priority],
        [`recommendation.${i + 1}.due`, r.dueOn ?? ''],
      ],
    ),
  ];
}

/** The word-level differences between two versions, section by section (team and co-ordinator). */
export async function diffVersions(ctx: Context, id: string, query: DiffQuery): Promise<DiffView> {
  await drafterView(ctx, id);
  const [from, to] = await Promise.all([q.selectVersion(ctx.db, id, query.from), q.selectVersion(ctx.db, id, query.to)]);
  if (!from || !to) throw new Problem('not_found', `This report has no version ${!from ? query.from : query.to}.`);
  const before = new Map(sectionsOf(from.content));
  const after = new Map(sectionsOf(to.content));
  // Every section of either version: a recommendation added or removed is a change too.
  const sections = [...new Set([...before.keys(), ...after.keys()])];
  return {
    from: query.from,
    to: query.to,
    sections: sections.map((section) => {
      const parts = wordDiff(before.get(section) ?? '', after.get(section) ?? '');
      return { section, changed: parts.some((p) => p.kind !== 'same'), parts };
    }),
  };
}
