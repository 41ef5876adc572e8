import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { Problem } from '../server/http/problems.js';
import { verifyPdf } from '../server/training/certificates/signature.js';

export const TRAINING_USAGE = `  training verify FILE.pdf (--key PUBLIC.pem | --server URL)
                                check a training certificate's signature offline with the
                                published public key (a PEM file, or fetched once from
                                URL/api/training/public-key); exits 3 when it does not hold`;

const REASONS = {
  no_signed_content: 'the file carries no signed certificate content',
  bad_signature: 'the signature does not match the content and this public key (changed, or signed by another key)',
  malformed: 'the signed content or the key cannot be read',
} as const;

/** `crossroads training verify FILE.pdf`: the verdict as text, and whether the certificate holds. */
export async function trainingCommand(args: string[]): Promise<{ text: string; valid: boolean }> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { key: { type: 'string' }, server: { type: 'string' } },
    strict: true,
  });
  const file = positionals[0];
  if (action !== 'verify' || !file || (!values.key && !values.server))
    throw new Problem('validation', `Usage:\n${TRAINING_USAGE}`);
  let key: string;
  if (values.key) key = fs.readFileSync(values.key, 'utf8');
  else {
    const response = await fetch(new URL('/api/training/public-key', values.server));
    if (!response.ok) throw new Problem('unavailable', `The server answered ${response.status} for its public key.`);
    key = ((await response.json()) as { publicKeyPem: string }).publicKeyPem;
  }
  const result = verifyPdf(fs.readFileSync(file), key);
  if (!result.valid) return { text: `NOT VALID: ${REASONS[result.reason]}.\n`, valid: false };
  const p = result.payload;
  const dates = p.startsOn === p.endsOn ? p.startsOn : `${p.startsOn} to ${p.endsOn}`;
  return {
    text:
      `VALID signature: certificate ${p.code}\n` +
      `  ${p.participant} completed “${p.course}” (${p.courseCode}), ${dates}, ${p.hours} hours\n` +
      `  issued by ${p.provider} on ${p.issuedOn}\n` +
      'Whether it has since been revoked is shown on the verification page of its QR code.\n',
    valid: true,
  };
}

export async function training(args: string[]): Promise<void> {
  const { text, valid } = await trainingCommand(args);
  process.stdout.write(text);
  if (!valid) process.exitCode = 3;
}
