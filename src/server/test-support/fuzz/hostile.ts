/**
 * Inputs that have broken web applications before: injections, traversals, Unicode that changes
 * length or direction, and values that parsers, databases and spreadsheets treat specially.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  "' OR '1'='1",
  "'; drop table app_user; --",
  '" OR ""="',
  "1' union select password_hash from app_user --",
  "\\'; select pg_sleep(5); --",
  '$1',
  '%',
  '_',
  '\\',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}\u0024{7*7}',
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '..\\..\\windows\\win.ini',
  '%00',
  '\u0000',
  'a\u0000b',
  '\uFEFF',
  '\u202Eevil',
  '\u200B',
  '\uD800',
  '\uDFFF\uD800',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '👩‍👩‍👧‍👦🇦🇹',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  'İıß',
  'ﷺ',
  '\r\n',
  '\t',
  ' ',
  '',
  'null',
  'undefined',
  'NaN',
  'true',
  '0',
  '-1',
  '1e309',
  '__proto__',
  'constructor',
  "=cmd|' /C calc'!A0",
  '+1+1',
  '@SUM(1)',
  '%s%s%s%n',
  'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
];

/** Property names a mass-assignment or prototype-pollution attempt would try. */
export const HOSTILE_KEYS: readonly string[] = [
  'isAdmin',
  'role',
  'id',
  'created_at',
  'password_hash',
  '__proto__',
  'constructor',
  'prototype',
  '',
  '\u0000',
  '$where',
];

/** Values of every JSON type and of the sizes and edges that break parsers and databases. */
export const HOSTILE_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  -0.000001,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  [],
  [null],
  {},
  { __proto__: { isAdmin: true } },
  JSON.parse('{"__proto__": {"isAdmin": true}}'),
  { constructor: { prototype: { isAdmin: true } } },
];

export const HUGE_STRING = 'x'.repeat(100_000);
export const HUGE_UNICODE_STRING = 'ü𝔘'.repeat(30_000);
export const HUGE_ARRAY = Array.from({ length: 20_000 }, (_, i) => i);
/** Nested deeply enough to trouble a recursive validator (and, as text, a recursive parser). */
export const DEEP_NESTING: unknown = JSON.parse(`${'['.repeat(1000)}${']'.repeat(1000)}`);
export const DEEP_NESTING_TEXT = `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
