import { type Category, KINDS, type Kind, type Language, MANDATORY } from '../catalogue.js';
import { TEXTS } from '../templates/index.js';

/** A notice as stored: its kind, the values of its text and the page it points to. */
export interface StoredNotice {
  kind: string;
  params: Record<string, string>;
  link: string;
}

/** Country codes in the values are shown by their name in the reader's language. */
export type CountryNames = (iso2: string, language: Language) => string | undefined;

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function valuesFor(notice: StoredNotice, language: Language, countries: CountryNames): Record<string, string> {
  const values = { ...notice.params };
  if (values.country) values.country = countries(values.country, language) ?? values.country;
  return values;
}

/** A notice's subject and sentence in the reader's language. */
export function renderNotice(notice: StoredNotice, language: Language, countries: CountryNames) {
  const texts = TEXTS[language].kinds[notice.kind as Kind] ?? { subject: notice.kind, body: '' };
  const values = valuesFor(notice, language, countries);
  return { subject: fill(texts.subject, values), body: fill(texts.body, values) };
}

export function categoryOf(kind: string): Category | undefined {
  return (KINDS as Record<string, Category>)[kind];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

export interface Email {
  subject: string;
  text: string;
  html: string;
  /** The one-click unsubscribe address (RFC 8058), absent for a category that cannot be turned off. */
  unsubscribeUrl?: string;
}

export interface EmailFrame {
  language: Language;
  name: string;
  publicUrl: string;
  /** The token for the category's unsubscribe link, or none for a digest or a mandatory category. */
  unsubscribeToken?: string;
  category?: Category;
}

/**
 * One email: plain text and HTML, in the reader's language, with the platform's link to each
 * notice. A single notice carries the unsubscribe link of its category; a digest, the link to
 * the preferences.
 */
export function composeEmail(notices: StoredNotice[], frame: EmailFrame, countries: CountryNames): Email {
  const texts = TEXTS[frame.language];
  const rendered = notices.map((notice) => ({
    ...renderNotice(notice, frame.language, countries),
    url: frame.publicUrl + notice.link,
  }));
  const single = rendered.length === 1 ? rendered[0] : undefined;
  const subject = single ? single.subject : fill(texts.frame.digestSubject, { count: String(rendered.length) });
  const greeting = fill(texts.frame.greeting, { name: frame.name });
  const preferencesUrl = `${frame.publicUrl}/notifications/preferences`;
  const mandatory = frame.category !== undefined && MANDATORY.includes(frame.category);
  const unsubscribe =
    frame.unsubscribeToken && frame.category && !mandatory
      ? {
          label: fill(texts.frame.unsubscribe, { category: texts.categories[frame.category] }),
          page: `${frame.publicUrl}/notifications/unsubscribe/${frame.unsubscribeToken}`,
          oneClick: `${frame.publicUrl}/api/notifications/unsubscribe/${frame.unsubscribeToken}`,
        }
      : undefined;

  const textLines = [greeting, ''];
  if (!single) textLines.push(texts.frame.digestIntro, '');
  for (const item of rendered) textLines.push(single ? item.body : `- ${item.subject}`, `${texts.frame.open}: ${item.url}`, '');
  textLines.push('-- ', texts.frame.signature, `${texts.frame.preferences}: ${preferencesUrl}`);
  if (unsubscribe) textLines.push(`${unsubscribe.label}: ${unsubscribe.page}`);
  if (mandatory) textLines.push(texts.frame.mandatory);

  const items = rendered
    .map((item) =>
      single
        ? `<p>${escapeHtml(item.body)}</p>\n<p><a href="${escapeHtml(item.url)}">${escapeHtml(texts.frame.open)}</a></p>`
        : `<li><a href="${escapeHtml(item.url)}">${escapeHtml(item.subject)}</a></li>`,
    )
    .join('\n');
  const html = [
    `<!doctype html><html lang="${frame.language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>`,
    `<p>${escapeHtml(greeting)}</p>`,
    single ? items : `<p>${escapeHtml(texts.frame.digestIntro)}</p>\n<ul>\n${items}\n</ul>`,
    '<hr>',
    `<p>${escapeHtml(texts.frame.signature)} · <a href="${escapeHtml(preferencesUrl)}">${escapeHtml(texts.frame.preferences)}</a>`,
    unsubscribe ? ` · <a href="${escapeHtml(unsubscribe.page)}">${escapeHtml(unsubscribe.label)}</a>` : '',
    mandatory ? `<br>${escapeHtml(texts.frame.mandatory)}` : '',
    '</p></body></html>',
  ].join('\n');
  return { subject, text: textLines.join('\n'), html, ...(unsubscribe ? { unsubscribeUrl: unsubscribe.oneClick } : {}) };
}
