import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allVerbs } from './access/roles.js';
import { auditCatalogue } from './audit/catalogue.js';
import './domains.js';

/** The web client's shared words, where the home and audit pages find them. */
const FILES = Object.fromEntries(
  ['en', 'fr', 'de', 'it', 'ru', 'es'].map((language) => [
    language,
    JSON.parse(fs.readFileSync(new URL(`../web/i18n/${language}.json`, import.meta.url), 'utf8')) as unknown,
  ]),
);

/** The string at a dotted key, or undefined (a code's own dots are levels of the files). */
function at(file: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], file);
}

/**
 * The home page names what a person may do and the audit page what was done, from the server's
 * catalogues: a verb or action a domain adds without words would show as a raw code.
 */
describe.each(Object.entries(FILES))('the words of the server’s catalogues in %s', (_language, file) => {
  it('names every permission', () => {
    expect(allVerbs().filter((verb) => typeof at(file, `permission.${verb}`) !== 'string')).toEqual([]);
  });

  it('names every audit action, record type and group of actions', () => {
    const { actions, recordTypes } = auditCatalogue();
    const missing = [
      ...actions.map(({ action }) => `audit.verbs.${action}`),
      ...recordTypes.map((type) => `audit.recordTypes.${type}`),
      ...new Set(actions.map(({ action }) => `audit.group.${action.split('.')[0]}`)),
    ].filter((key) => typeof at(file, key) !== 'string');
    expect(missing).toEqual([]);
  });
});
