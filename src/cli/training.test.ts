import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { certificatePdf } from '../server/training/certificates/pdf.js';
import { canonical, embedded, signPayload } from '../server/training/certificates/signature.js';
import { trainingCommand } from './training.js';

describe('crossroads training verify', () => {
  it('verifies a certificate offline with the public key, and refuses a changed file or another key', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-training-'));
    const pair = generateKeyPairSync('ed25519');
    const key = path.join(dir, 'public.pem');
    fs.writeFileSync(key, pair.publicKey.export({ type: 'spki', format: 'pem' }));
    const payload = {
      v: 1 as const,
      code: 'K7QM-2XHD-9PLA',
      participant: 'Jelena Marković',
      course: 'Border management and human rights, including non-refoulement',
      courseCode: 'BM-HR',
      provider: 'OSCE Border Management Staff College',
      startsOn: '2027-04-12',
      endsOn: '2027-04-16',
      hours: 40,
      issuedOn: '2027-04-16',
    };
    const text = canonical(payload);
    const pdf = await certificatePdf(payload, embedded(text, signPayload(pair.privateKey, text)), 'https://example.org/v');
    const file = path.join(dir, 'certificate.pdf');
    fs.writeFileSync(file, pdf);

    const ok = await trainingCommand(['verify', file, '--key', key]);
    expect(ok.valid).toBe(true);
    expect(ok.text).toContain('VALID signature: certificate K7QM-2XHD-9PLA');
    expect(ok.text).toContain('Jelena Marković completed “Border management');

    // The name changed inside the signed content: the participant is now someone else.
    const forged = Buffer.from(
      pdf
        .toString('latin1')
        .replace(Buffer.from(text).toString('base64url'), Buffer.from(text.replace('Jelena', 'Milena')).toString('base64url')),
      'latin1',
    );
    fs.writeFileSync(file, forged);
    expect(await trainingCommand(['verify', file, '--key', key])).toMatchObject({
      valid: false,
      text: expect.stringContaining('signature does not match'),
    });

    fs.writeFileSync(file, pdf);
    fs.writeFileSync(key, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
    expect((await trainingCommand(['verify', file, '--key', key])).valid).toBe(false);
    await expect(trainingCommand(['verify', file])).rejects.toThrow(/Usage/);
  });
});
