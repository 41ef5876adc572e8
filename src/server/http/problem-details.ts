import fs from 'node:fs';
import { serverFile } from '../paths.js';

/**
 * The catalogue of problem details (`data/problem-details.json`, kept up to date from the source by
 * `scripts/problem-details.mjs`): each sentence the server can send as a problem's detail or a
 * field's message, under a stable key, with its `{parameters}`. A problem carries the key and the
 * parameters beside the English sentence, so that the web client shows it in the reader's language.
 */
const CATALOGUE: Record<string, string> = JSON.parse(fs.readFileSync(serverFile('http/data/problem-details.json'), 'utf8'));

export interface DetailCode {
  key: string;
  params?: Record<string, string>;
}

const PARAMETER = /\{([A-Za-z0-9_]+)\}/g;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Matcher {
  key: string;
  pattern: RegExp;
  names: string[];
  /** Characters that are not parameters: the more, the more specific the template. */
  fixed: number;
}

const exact = new Map<string, string>();
const templates: Matcher[] = [];
for (const [key, template] of Object.entries(CATALOGUE)) {
  const names = [...template.matchAll(PARAMETER)].map((match) => match[1] ?? '');
  if (names.length === 0) {
    exact.set(template, key);
    continue;
  }
  const parts = template.split(PARAMETER).filter((_, index) => index % 2 === 0);
  const source = parts.map(escapeRegExp).join('([\\s\\S]+?)');
  templates.push({ key, pattern: new RegExp(`^${source}$`), names, fixed: parts.join('').length });
}
templates.sort((a, b) => b.fixed - a.fixed);

/** The catalogue key and parameters of a sentence the server sends, or undefined for one it does not know. */
export function detailCode(text: string | undefined): DetailCode | undefined {
  if (!text) return undefined;
  const key = exact.get(text);
  if (key) return { key };
  for (const template of templates) {
    const match = template.pattern.exec(text);
    if (!match) continue;
    const params: Record<string, string> = {};
    template.names.forEach((name, index) => {
      params[name] = match[index + 1] ?? '';
    });
    return { key: template.key, params };
  }
  return undefined;
}

/** Every key and template, for the tests. */
export function catalogue(): Readonly<Record<string, string>> {
  return CATALOGUE;
}
