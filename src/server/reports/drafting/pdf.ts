import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Context } from '../../context.js';
import { renderPdf } from '../../files/pdf.js';
import { Problem } from '../../http/problems.js';
import * as q from './queries.js';
import { htmlToParagraphs } from './sanitise.js';
import type { ReportView } from './schemas.js';
import { getReport } from './service.js';

export interface PdfNames {
  dimensions: Record<string, string>;
  keyAreas: Record<string, string>;
  addressees: Record<string, string>;
  countries: string[];
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

/** The document definition of an adopted report: title page, numbered paragraphs, recommendations table. */
export function reportDocument(
  report: ReportView,
  names: PdfNames,
  missionDates: { startsOn: string; endsOn: string },
): TDocumentDefinitions {
  const marking = 'RESTRICTED';
  let paragraph = 0;
  const numbered = (html: string): Content[] =>
    htmlToParagraphs(html).map((text) => {
      paragraph++;
      return {
        columns: [
          { text: `${paragraph}.`, width: 28 },
          { text, width: '*' },
        ],
        margin: [0, 0, 0, 6],
      } as Content;
    });
  const sections: Array<{ title: string; body: Content[] }> = [];
  const c = report.content;
  sections.push({ title: 'Situation overview', body: numbered(c.situation) });
  const findings: Content[] = [];
  for (const [code, html] of Object.entries(c.findings)) {
    if (!htmlToParagraphs(html).length) continue;
    findings.push({ text: names.dimensions[code] ?? code, style: 'subheading' }, ...numbered(html));
  }
  for (const [code, html] of Object.entries(c.keyAreaFindings)) {
    if (!htmlToParagraphs(html).length) continue;
    findings.push({ text: names.keyAreas[code] ?? code, style: 'subheading' }, ...numbered(html));
  }
  sections.push({ title: 'Findings', body: findings });
  sections.push({ title: 'Security implications for the region', body: numbered(c.securityImplications) });
  sections.push({
    title: 'Early-warning assessment',
    body: [
      { text: `Alert level: ${(c.alert.level ?? 'not assessed').toUpperCase()}`, bold: true, margin: [0, 0, 0, 6] },
      ...numbered(c.alert.rationale),
      ...(c.alert.indicators.length > 0
        ? [{ text: `Indicators: ${c.alert.indicators.join('; ')}.`, margin: [0, 0, 0, 6] } as Content]
        : []),
    ],
  });
  const table: Content = {
    table: {
      headerRows: 1,
      widths: [20, '*', 70, 95, 40, 52],
      body: [
        ['No.', 'Recommendation', 'Addressee', 'Key area', 'Priority', 'Due'].map((h) => ({ text: h, bold: true })),
        ...c.recommendations.map((r, i) => [
          `${i + 1}`,
          r.text,
          names.addressees[r.addresseeCountry ?? r.addresseeOrganisationId ?? ''] ?? '',
          names.keyAreas[r.keyArea] ?? r.keyArea,
          r.priority,
          r.dueOn ?? '—',
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9,
  };
  sections.push({ title: 'Recommendations', body: c.recommendations.length > 0 ? [table] : [{ text: 'None.' }] });
  return {
    info: { title: `Report of mission ${report.missionCode}`, creator: 'Crossroads', subject: marking },
    pageSize: 'A4',
    pageMargins: [60, 70, 60, 60],
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.2 },
    header: { text: marking, alignment: 'center', bold: true, margin: [0, 30, 0, 0] },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: report.missionCode, margin: [60, 0, 0, 0] },
        { text: marking, alignment: 'center', bold: true },
        { text: `${page} / ${pages}`, alignment: 'right', margin: [0, 0, 60, 0] },
      ],
      fontSize: 8,
    }),
    styles: {
      heading: { fontSize: 13, bold: true, margin: [0, 14, 0, 8] },
      subheading: { fontSize: 11, bold: true, italics: true, margin: [0, 6, 0, 4] },
    },
    content: [
      { text: 'Organization for Security and Co-operation in Europe', alignment: 'center', margin: [0, 80, 0, 40] },
      { text: 'Report of the roving fact-finding mission', alignment: 'center', fontSize: 16, bold: true },
      { text: `${report.missionCode}: ${report.missionTitle}`, alignment: 'center', fontSize: 14, margin: [0, 10, 0, 40] },
      {
        table: {
          widths: [150, '*'],
          body: [
            ['Mission', report.missionCode],
            ['Host countries', names.countries.join(', ')],
            ['Mandate reference', report.mandateReference ?? '—'],
            ['Mission dates', `${missionDates.startsOn} to ${missionDates.endsOn}`],
            ['Adopted', day(report.adoptedAt)],
            ['Classification', marking],
          ],
        },
        layout: 'noBorders',
        margin: [40, 0, 40, 0],
      },
      { text: marking, alignment: 'center', bold: true, fontSize: 18, margin: [0, 60, 0, 0], pageBreak: 'after' },
      ...sections.flatMap((s, i): Content[] => [{ text: `${ROMAN[i]}. ${s.title}`, style: 'heading' }, ...s.body]),
    ],
  };
}

/** The PDF of an adopted or distributed report the caller may read. */
export async function reportPdf(ctx: Context, id: string): Promise<{ filename: string; body: Buffer }> {
  const report = await getReport(ctx, id);
  if (report.status !== 'adopted' && report.status !== 'distributed') {
    throw new Problem('conflict', 'Only an adopted report is exported as PDF.');
  }
  const c = report.content;
  const countryCodes = [
    ...new Set([...report.countries, ...c.recommendations.flatMap((r) => (r.addresseeCountry ? [r.addresseeCountry] : []))]),
  ];
  const organisations = [
    ...new Set(c.recommendations.flatMap((r) => (r.addresseeOrganisationId ? [r.addresseeOrganisationId] : []))),
  ];
  const [dimensions, keyAreas, countries, orgs, mission] = await Promise.all([
    ctx.db.selectFrom('dimension').select(['code', 'name_en']).execute(),
    ctx.db.selectFrom('key_area').select(['code', 'name_en']).execute(),
    countryCodes.length
      ? ctx.db.selectFrom('country').select(['iso2', 'name_en']).where('iso2', 'in', countryCodes).execute()
      : [],
    organisations.length
      ? ctx.db.selectFrom('organisation').select(['id', 'name_en']).where('id', 'in', organisations).execute()
      : [],
    q.selectReports(ctx.db, { ids: [id] }),
  ]);
  const byCountry = Object.fromEntries(countries.map((x) => [x.iso2, x.name_en]));
  const doc = reportDocument(
    report,
    {
      dimensions: Object.fromEntries(dimensions.map((x) => [x.code, x.name_en])),
      keyAreas: Object.fromEntries(keyAreas.map((x) => [x.code, x.name_en])),
      addressees: { ...byCountry, ...Object.fromEntries(orgs.map((x) => [x.id, x.name_en])) },
      countries: report.countries.map((iso2) => byCountry[iso2] ?? iso2),
    },
    { startsOn: mission[0]!.starts_on, endsOn: mission[0]!.ends_on },
  );
  return { filename: `report-${report.missionCode}.pdf`, body: await renderPdf(doc) };
}
