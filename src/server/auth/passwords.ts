import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import { serverFile } from '../paths.js';

// argon2id with the parameters OWASP recommends (19 MiB, 2 passes, 1 lane).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** A hash of a password nobody knows: verifying against it costs as much as a real check. */
let decoy: Promise<string> | undefined;

/** Checks a password; with no stored hash it still spends the same time, so timing reveals no account. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    decoy ??= hashPassword(`decoy-${randomInt(1e9)}`);
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// No 0/O, 1/l/I: the one-time password is read off a console and typed by hand.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password of four groups of five characters (about 115 bits). */
export function generateOneTimePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = '';
    for (let i = 0; i < 5; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** Words of this platform that make a password easy to guess, whatever lists say. */
const LOCAL_WORDS = ['crossroads', 'coordinator', 'administrator', 'osce', 'odihr'];

let common: Set<string> | undefined;

/** The shipped list of common passwords (see data/README.md), read once on first use. */
function commonPasswords(): Set<string> {
  if (!common) {
    const text = readFileSync(serverFile('auth/data/common-passwords.txt'), 'utf8');
    common = new Set([...text.split('\n').filter((line) => line !== ''), ...LOCAL_WORDS]);
  }
  return common;
}

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '+': 't',
  '|': 'l',
};

/** Look-alike characters read as the letters they stand for; `one` is how a 1 is read (i or l). */
function deLeet(text: string, one: 'i' | 'l' = 'i'): string {
  return text.replace(/[0-9@$!+|]/g, (c) => (c === '1' ? one : (LEET[c] ?? c)));
}

const stripStart = (text: string) => text.replace(/^[^\p{L}]+/u, '');
const stripEnd = (text: string) => text.replace(/[^\p{L}]+$/u, '');

/**
 * The forms of a password a guesser tries first: itself in lower case, and its word once the
 * digits, years and symbols around it are cut and look-alike characters are read as letters.
 */
export function guessableForms(password: string): Set<string> {
  const lower = password.toLowerCase();
  const core = stripEnd(stripStart(lower));
  const forms = new Set([lower, core]);
  for (const one of ['i', 'l'] as const) {
    forms.add(deLeet(lower, one));
    forms.add(deLeet(core, one));
    // A look-alike at the word's edge (P@ss, 4dmin) survives the cut only when read as a letter first.
    forms.add(stripStart(deLeet(stripEnd(lower), one)));
    forms.add(stripEnd(deLeet(stripStart(lower), one)));
  }
  return new Set([...forms].filter((form) => form.length >= 3));
}

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

export type PasswordWeakness =
  | 'too_short'
  | 'too_long'
  | 'too_few_characters'
  | 'common'
  | 'contains_email'
  | 'contains_name'
  | 'same_as_current';

export const WEAKNESS_MESSAGES: Record<PasswordWeakness, string> = {
  too_short: `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
  too_long: `Use at most ${MAX_PASSWORD_LENGTH} characters.`,
  too_few_characters: 'Use more different characters.',
  common: 'This password, or its word with digits and symbols, is too common.',
  contains_email: 'Do not use your email address in your password.',
  contains_name: 'Do not use your name in your password.',
  same_as_current: 'The new password must differ from the current one.',
};

/** The parts of a name or an email's local part long enough to matter (maria, rossi). */
function personalWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length >= 4);
}

/** Why a new password is refused, with a stable code for the page to translate, or undefined when it is acceptable. */
export function passwordWeakness(
  password: string,
  owner: { email: string; name: string },
): { code: PasswordWeakness; message: string } | undefined {
  const refuse = (code: PasswordWeakness) => ({ code, message: WEAKNESS_MESSAGES[code] });
  if (password.length < MIN_PASSWORD_LENGTH) return refuse('too_short');
  if (password.length > MAX_PASSWORD_LENGTH) return refuse('too_long');
  if (new Set(password).size < 5) return refuse('too_few_characters');
  const forms = [...guessableForms(password)];
  const contains = (word: string) => forms.some((form) => form.includes(word));
  const local = owner.email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && contains(local)) return refuse('contains_email');
  if (personalWords(owner.name).some(contains)) return refuse('contains_name');
  if (personalWords(local).some(contains)) return refuse('contains_email');
  const list = commonPasswords();
  if (forms.some((form) => list.has(form))) return refuse('common');
  return undefined;
}
