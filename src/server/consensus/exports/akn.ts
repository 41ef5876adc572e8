import type { NumberedParagraph } from '../text.js';
import { printedNumber } from '../text.js';
import { councilName, type TextSource } from './text-source.js';

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const ISO3: Record<string, string> = { en: 'eng', fr: 'fra', de: 'deu', it: 'ita', ru: 'rus', es: 'spa' };

/** A paragraph's eId: from its stable id, so the same paragraph keeps it in every revision. */
export const eIdOf = (p: { id: string }) => `para_${p.id.replace(/-/g, '').slice(0, 12)}`;

function operative(p: NumberedParagraph, children: NumberedParagraph[]): string {
  const num = `<num>${xmlText(printedNumber(p.number))}</num>`;
  if (children.length === 0) return `<paragraph eId="${eIdOf(p)}">${num}<content><p>${xmlText(p.text)}</p></content></paragraph>`;
  return `<paragraph eId="${eIdOf(p)}">${num}<intro><p>${xmlText(p.text)}</p></intro>${children.map((c) => operative(c, [])).join('')}</paragraph>`;
}

/**
 * The text as Akoma Ntoso 3.0: `doc name="decision"` (or declaration) with its identification,
 * the preamble's recitals, the operative paragraphs in mainBody and the interpretative
 * statements as attachments. Paragraph eIds come from the paragraphs' stable ids.
 */
export function toAkomaNtoso(source: TextSource): string {
  const lang = ISO3[source.language] ?? 'eng';
  const work = `/akn/osce/doc/${source.kind}/${source.date.slice(0, 4)}/${source.work}`;
  const expression = `${work}/${lang}@${source.date}`;
  const id = (uri: string) =>
    `<FRBRthis value="${uri}/main"/><FRBRuri value="${uri}"/><FRBRdate date="${source.date}" name="${source.adopted ? 'adoption' : 'issue'}"/><FRBRauthor href="#${source.council.toLowerCase()}"/>`;
  const preamble = source.paragraphs.filter((p) => p.part === 'preambular' && !p.parentId);
  const tops = source.paragraphs.filter((p) => p.part === 'operative' && !p.parentId);
  const childrenOf = (p: NumberedParagraph) => source.paragraphs.filter((c) => c.parentId === p.id);
  const attachments = source.statements.map(
    (s) =>
      `<attachment eId="att_${s.number}"><doc name="interpretativeStatement"><meta><identification source="#osce">` +
      `<FRBRWork>${id(`${work}/statement_${s.number}`)}<FRBRcountry value="${s.country.toLowerCase()}"/></FRBRWork>` +
      `<FRBRExpression>${id(`${work}/statement_${s.number}/${lang}`)}<FRBRlanguage language="${lang}"/></FRBRExpression>` +
      `<FRBRManifestation>${id(`${work}/statement_${s.number}/${lang}.xml`)}</FRBRManifestation></identification></meta>` +
      `<preface><p><docTitle>${xmlText(`Attachment ${s.number}: interpretative statement by ${[s.countryName, ...s.joinerNames].join(', ')}`)}</docTitle></p></preface>` +
      `<mainBody><p>${xmlText(s.text)}</p></mainBody></doc></attachment>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">',
    `<doc name="${source.kind}">`,
    '<meta><identification source="#osce">',
    `<FRBRWork>${id(work)}<FRBRcountry value="osce"/></FRBRWork>`,
    `<FRBRExpression>${id(expression)}<FRBRlanguage language="${lang}"/></FRBRExpression>`,
    `<FRBRManifestation>${id(`${expression}.xml`)}</FRBRManifestation>`,
    '</identification>',
    '<references source="#osce">',
    '<TLCOrganization eId="osce" href="/ontology/organization/osce" showAs="Organization for Security and Co-operation in Europe"/>',
    `<TLCOrganization eId="${source.council.toLowerCase()}" href="/ontology/organization/osce.${source.council.toLowerCase()}" showAs="${councilName(source.council)}"/>`,
    '</references></meta>',
    `<preface><p><docNumber>${xmlText(source.symbol)}</docNumber></p><p><docTitle>${xmlText(source.title)}</docTitle></p></preface>`,
    preamble.length > 0
      ? `<preamble><recitals>${preamble.map((p) => `<recital eId="${eIdOf(p)}"><p>${xmlText(p.text)}</p></recital>`).join('')}</recitals></preamble>`
      : '',
    `<mainBody>${tops.length > 0 ? tops.map((p) => operative(p, childrenOf(p))).join('') : '<p/>'}</mainBody>`,
    attachments.length > 0 ? `<attachments>${attachments.join('')}</attachments>` : '',
    '</doc>',
    '</akomaNtoso>',
    '',
  ].join('\n');
}
