import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateOneTimePassword, hashPassword, passwordWeakness, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapl')).toBe(false);
    expect(await verifyPassword(null, 'anything')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });

  it('generates one-time passwords that are readable, distinct and strong enough', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = generateOneTimePassword();
      expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{5}(-[a-km-zA-HJ-NP-Z2-9]{5}){3}$/);
      expect(passwordWeakness(password, { email: 'someone@example.org', name: 'Some One' })).toBeUndefined();
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });

  const person = { email: 'maria.rossi@example.org', name: 'Maria Rossi' };

  it.each([
    ['short', 'too_short'],
    ['aaaaaaaaaaaaaaaa', 'too_few_characters'],
    ['Password1234', 'common'],
    ['Qwerty123456', 'common'],
    ['Summer2026!!', 'common'],
    ['P@ssw0rd-2026!', 'common'],
    ['2026-Football!!', 'common'],
    ['Iloveyou 2026', 'common'],
    ['Crossroads2026!', 'common'],
    ['my-name-is-maria.rossi!', 'contains_email'],
    ['Rossi-Family-1987', 'contains_name'],
    ['M4ria-Holiday-Rome', 'contains_name'],
  ])('refuses %s (%s)', (password, code) => {
    expect(passwordWeakness(password, person)?.code).toBe(code);
  });

  it('explains every refusal in words', () => {
    expect(passwordWeakness('Summer2026!!', person)?.message).toBe(
      'This password, or its word with digits and symbols, is too common.',
    );
    expect(passwordWeakness('Rossi-Family-1987', person)?.message).toBe('Do not use your name in your password.');
  });

  it.each(['Danube-Bridge-2026!x', 'A much better passphrase 7', 'Ferry-Lantern-Orchard-58', 'Persona-Password-2026!'])(
    'accepts %s',
    (password) => {
      expect(passwordWeakness(password, person)).toBeUndefined();
    },
  );

  it('accepts any long password of varied characters that avoids the email and is not one word padded out', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 12, maxLength: 200, unit: 'grapheme-ascii' }), (password) => {
        fc.pre(new Set(password).size >= 5 && !password.toLowerCase().includes('zzqx'));
        fc.pre(!/^[^a-z]*[a-z]+[^a-z]*$/i.test(password));
        expect(passwordWeakness(password, { email: 'zzqx@example.org', name: 'Zz Qx' })).toBeUndefined();
      }),
    );
  });
});
