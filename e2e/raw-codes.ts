// A page must speak in words: a person reads "Border security and management", "Greece" and
// "Create accounts, grant roles and reset passwords", never `border_security`, `GR` or
// `user.manage`. The check reads the page's visible text in English and in Russian (switching
// the interface language as a person would, then back) and fails on the codes it finds.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { REPOSITORY } from './browser.js';

const csv = (file: string) =>
  fs
    .readFileSync(path.join(REPOSITORY, 'src/server/reference/data', file), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));

/** The acronyms of the OSCE structures are names: `OSCE PA` is the Parliamentary Assembly, not Panama. */
const ACRONYMS: readonly string[] = csv('structures.csv')
  .map((row) => row[2] ?? '')
  .filter((acronym) => acronym.length > 1)
  .sort((a, b) => b.length - a.length);

/** The ISO 3166 codes of the reference data: a capitalised two- or three-letter token that is one stands where a name belongs. */
const COUNTRY_CODES: ReadonlySet<string> = new Set(
  csv('countries.csv')
    .flatMap((row) => row.slice(0, 2))
    .filter((code) => /^[A-Z]{2,3}$/.test(code)),
);

/** Text that legitimately looks like a code: addresses, web sites, file names. */
const NOT_CODES = [
  /\S+@\S+/g, // email addresses
  /https?:\/\/\S+/g, // links
  /\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s?(?:AM|PM)\b/g, // times of day (AM is also Armenia's code)
  /\b[\w-]+(\.[\w-]+)*\.(org|com|int|net|eu|gov|edu|pdf|csv|xlsx|ics|json|zip|png)\b/gi, // host and file names
  /\b(?:JPEG|PNG|PDF|CSV|XLSX)\b/g, // file formats (PNG is also Papua New Guinea's code)
  /\bCOM\(\d{4}\)/g, // European Commission documents, COM(2015) 240 (COM is also the Comoros' code)
];

const SNAKE_CASE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;
const DOTTED = /\b[a-z]{2,}(?:\.[a-z_]{2,})+\b/g;
const CAPITALS = /(?<![\p{L}\p{N}-])[A-Z]{2,3}(?![\p{L}\p{N}-])/gu;

/** The raw codes in a text: snake-case tokens, dotted permission codes, ISO country codes standing alone. */
export function rawCodesIn(text: string, allowed: readonly string[] = []): string[] {
  let words = text;
  for (const pattern of NOT_CODES) words = words.replace(pattern, ' ');
  for (const phrase of [...allowed, ...ACRONYMS]) words = words.replaceAll(phrase, ' ');
  const found = [
    ...(words.match(SNAKE_CASE) ?? []),
    ...(words.match(DOTTED) ?? []),
    ...(words.match(CAPITALS) ?? []).filter((token) => COUNTRY_CODES.has(token)),
  ];
  return [...new Set(found)];
}

/**
 * The text of the rendered text nodes, as written (a badge's CSS capitals would turn "in" into
 * "IN"), leaving out what is not displayed: closed menus and details, hidden options; and what is
 * decoration beside the words, hidden from assistive technology (an avatar's initials: "MM" beside
 * "Maria Member" is not Myanmar).
 */
const VISIBLE_TEXT = `(() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'OPTION', 'TITLE'].includes(parent.tagName)) continue;
    if (parent.closest('[aria-hidden="true"]')) continue;
    if (parent.checkVisibility({ visibilityProperty: true, opacityProperty: false })) parts.push(node.data);
  }
  return parts.join(' ');
})()`;

async function visibleCodes(page: Page, allowed: readonly string[]): Promise<string[]> {
  const text = (await page.evaluate(VISIBLE_TEXT)) as string;
  return rawCodesIn(text, allowed);
}

/** Where each code stands in the page's text, so that a failure says which part of the page shows it. */
async function contexts(page: Page, codes: readonly string[]): Promise<string> {
  const text = ((await page.evaluate(VISIBLE_TEXT)) as string).replace(/\s+/g, ' ');
  return codes
    .map((code) => {
      const at = text.search(new RegExp(`(?<![\\p{L}\\p{N}_-])${code.replace(/\./g, '\\.')}(?![\\p{L}\\p{N}_-])`, 'u'));
      return at < 0 ? code : `${code}: …${text.slice(Math.max(0, at - 60), at + code.length + 60)}…`;
    })
    .join('\n');
}

async function switchLanguage(page: Page, language: string): Promise<void> {
  const select = page.locator(`select:has(option[value="${language}"])`).first();
  await select.selectOption(language);
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
}

/**
 * Fails if the page, in English and in Russian, shows a raw code in its visible text. It waits for
 * the page to settle (names arrive after the codes they replace), up to `timeout` per language.
 * `allowed` lists text the page shows on purpose (a mission code the journey typed).
 */
export async function expectNoRawCodes(
  page: Page,
  options: { allowed?: readonly string[]; timeout?: number } = {},
): Promise<void> {
  const allowed = options.allowed ?? [];
  const timeout = options.timeout ?? 15_000;
  const where = page.url();
  const start = (await page.locator('html').getAttribute('lang')) || 'en';
  let current = start;
  for (const language of ['en', 'ru']) {
    if (current !== language) await switchLanguage(page, language);
    current = language;
    try {
      await expect.poll(() => visibleCodes(page, allowed), { timeout }).toEqual([]);
    } catch {
      const codes = await visibleCodes(page, allowed);
      throw new Error(`Raw codes on ${where} in ${language}:\n${await contexts(page, codes)}`);
    }
  }
  if (current !== start) await switchLanguage(page, start);
}
