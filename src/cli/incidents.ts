import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import { DataDirectoryInUseError } from '../server/db/data-dir.js';
import { Problem } from '../server/http/problems.js';
import type { KeyStatus, NewKeyBody, RotationMaterial, RotationResult } from '../server/incidents/keys/schemas.js';
import {
  createKeyPair,
  passphraseWeakness,
  publicKeyFromSpki,
  rewrapKey,
  unsealPrivateKey,
} from '../server/incidents/protected/crypto.js';
import { createIncidentKey, KeyError, rotateIncidentKey } from '../server/incidents/protected/keys.js';
import { deleteExpiredContacts } from '../server/incidents/protected/service.js';
import { prepareDatabase } from '../server/main.js';
import { credentialsFromEnvironment, openServerSession } from './server-session.js';

export const INCIDENTS_USAGE = `  incidents keygen [--server URL]
                                create the organisation's key pair for hate-incident reports; the
                                passphrase comes from CROSSROADS_INCIDENT_PASSPHRASE or the first
                                line of standard input, and is never stored; an embedded database
                                in use by its server is reached through that server, signed in as
                                the co-ordinator CROSSROADS_EMAIL / CROSSROADS_PASSWORD
  incidents rotate-key [--server URL]
                                replace the key pair and wrap every stored report key again; the old
                                and new passphrases come from CROSSROADS_INCIDENT_PASSPHRASE_OLD and
                                CROSSROADS_INCIDENT_PASSPHRASE_NEW, or two lines of standard input
  incidents delete-expired-contacts [--days N]
                                delete reporters' contact details N days (default
                                INCIDENT_CONTACT_RETENTION_DAYS) after their case closed`;

/** Reads the passphrases not given in the environment, one a line, from standard input. */
async function readLines(prompts: string[]): Promise<string[]> {
  const lines: string[] = [];
  const reader = createInterface({ input: process.stdin, terminal: false });
  const iterator = reader[Symbol.asyncIterator]();
  for (const prompt of prompts) {
    if (process.stdin.isTTY) process.stderr.write(`${prompt}: `);
    const next = await iterator.next();
    if (next.done) break;
    lines.push(next.value);
  }
  reader.close();
  return lines;
}

/** The key pair as the server's routes take it (base64 fields). */
function keyBody(pair: Awaited<ReturnType<typeof createKeyPair>>): NewKeyBody {
  return {
    publicKeySpki: pair.publicKeySpki.toString('base64'),
    sealedPrivateKey: pair.sealed.toString('base64'),
    salt: pair.salt.toString('base64'),
    iv: pair.iv.toString('base64'),
    iterations: pair.iterations,
  };
}

/** The server's refusal in words: its problem's detail, else the HTTP status. */
function refused(status: number, body: unknown, email: string | undefined): Problem {
  if (status === 403)
    return new Problem('validation', `${email} may not manage the incident key: a co-ordinator’s account is needed.`);
  const detail = (body as { detail?: string } | undefined)?.detail;
  return new Problem('validation', detail ?? `The server refused the request (HTTP ${status}).`);
}

/** Creates the key here and hands the server its public half and the sealed private half, as the browser does. */
async function keygenThroughServer(server: string, passphrase: string): Promise<{ keyId: string }> {
  const credentials = credentialsFromEnvironment();
  const session = await openServerSession(server, credentials, 'Creating the incident key');
  try {
    const body = keyBody(await createKeyPair(passphrase));
    const created = await session.call<KeyStatus>('POST', '/api/incidents/key', body);
    if (created.status === 409) throw new Problem('validation', 'A key already exists; use rotate-key to replace it.');
    if (created.status !== 201) throw refused(created.status, created.body, credentials.email);
    return { keyId: created.body.key?.keyId ?? '' };
  } finally {
    await session.close();
  }
}

/** Opens the current key here with the old passphrase, wraps every item key again under a new key, and hands that to the server. */
async function rotateThroughServer(server: string, oldPassphrase: string, newPassphrase: string) {
  const credentials = credentialsFromEnvironment();
  const session = await openServerSession(server, credentials, 'Replacing the incident key');
  try {
    for (let attempt = 1; ; attempt++) {
      const material = await session.call<RotationMaterial>('GET', '/api/incidents/key/rotation');
      if (material.status === 409) throw new Problem('validation', 'There is no key to rotate; create one with keygen.');
      if (material.status !== 200) throw refused(material.status, material.body, credentials.email);
      const { key, items } = material.body;
      let oldPrivate: Awaited<ReturnType<typeof unsealPrivateKey>>;
      try {
        oldPrivate = await unsealPrivateKey(
          {
            sealed: Buffer.from(key.sealedPrivateKey, 'base64'),
            salt: Buffer.from(key.salt, 'base64'),
            iv: Buffer.from(key.iv, 'base64'),
            iterations: key.iterations,
          },
          oldPassphrase,
        );
      } catch {
        throw new Problem('validation', 'The old passphrase does not open the current key.');
      }
      const pair = await createKeyPair(newPassphrase);
      const newPublic = publicKeyFromSpki(pair.publicKeySpki);
      const rewrapped = items.map((item) => ({
        id: item.id,
        wrappedKey: rewrapKey(oldPrivate, newPublic, Buffer.from(item.wrappedKey, 'base64')).toString('base64'),
      }));
      const result = await session.call<RotationResult>('POST', '/api/incidents/key/rotation', {
        retiringKeyId: key.keyId,
        key: keyBody(pair),
        items: rewrapped,
      });
      if (result.status === 200) return { keyId: result.body.status.key?.keyId ?? '', rewrapped: result.body.rewrapped };
      // A report arrived meanwhile: its key is wrapped under the old key; start again.
      if (result.status !== 409 || attempt >= 3) throw refused(result.status, result.body, credentials.email);
    }
  } finally {
    await session.close();
  }
}

async function passphrases(envNames: string[], prompts: string[]): Promise<string[]> {
  const fromEnv = envNames.map((name) => process.env[name]);
  if (fromEnv.every((v) => v)) return fromEnv as string[];
  const lines = await readLines(prompts);
  if (lines.length < prompts.length)
    throw new Problem('validation', `Expected ${prompts.length} passphrase line(s) on standard input.`);
  return lines;
}

/** `crossroads incidents …`: the organisation's key and the retention of contact details. */
export async function incidents(args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { days: { type: 'string' }, server: { type: 'string' } }, strict: true });
  const config = loadConfig();
  const run = async <T>(fn: (db: Awaited<ReturnType<typeof prepareDatabase>>['db']) => Promise<T>) => {
    const database = await prepareDatabase(config);
    try {
      return await fn(database.db);
    } catch (error) {
      if (error instanceof KeyError) throw new Problem('validation', error.message);
      throw error;
    } finally {
      await database.close();
    }
  };
  /** The database directly, or, when its embedded database is held by a running server (or --server names one), that server. */
  const local = async <T>(
    direct: () => Promise<T>,
    throughServer: (server: string) => Promise<T>,
  ): Promise<{ result: T; via: string | undefined }> => {
    if (values.server) return { result: await throughServer(values.server), via: values.server };
    try {
      return { result: await direct(), via: undefined };
    } catch (error) {
      if (!(error instanceof DataDirectoryInUseError)) throw error;
      const server = `http://127.0.0.1:${config.port}`;
      return { result: await throughServer(server), via: server };
    }
  };
  if (action === 'keygen') {
    const [passphrase] = await passphrases(['CROSSROADS_INCIDENT_PASSPHRASE'], ['Passphrase']);
    const weakness = passphraseWeakness(passphrase as string);
    if (weakness) throw new Problem('validation', weakness);
    const { result, via } = await local(
      () => run((db) => createIncidentKey(db, passphrase as string)),
      (server) => keygenThroughServer(server, passphrase as string),
    );
    const through = via ? ` through the server at ${via}` : '';
    process.stdout.write(
      `Created the incident key ${result.keyId}${through}. Keep the passphrase safe: without it no report can be read.\n`,
    );
  } else if (action === 'rotate-key') {
    const [oldPassphrase, newPassphrase] = await passphrases(
      ['CROSSROADS_INCIDENT_PASSPHRASE_OLD', 'CROSSROADS_INCIDENT_PASSPHRASE_NEW'],
      ['Old passphrase', 'New passphrase'],
    );
    const weakness = passphraseWeakness(newPassphrase as string);
    if (weakness) throw new Problem('validation', weakness);
    const { result, via } = await local(
      () => run((db) => rotateIncidentKey(db, oldPassphrase as string, newPassphrase as string)),
      (server) => rotateThroughServer(server, oldPassphrase as string, newPassphrase as string),
    );
    process.stdout.write(
      `Created the incident key ${result.keyId}${via ? ` through the server at ${via}` : ''} and wrapped ` +
        `${result.rewrapped} stored keys again; the old key is retired.\n`,
    );
  } else if (action === 'delete-expired-contacts') {
    const days = values.days === undefined ? config.incidentContactRetentionDays : Number(values.days);
    if (!Number.isInteger(days) || days < 0) throw new Problem('validation', '--days must be a whole number of days.');
    const { deleted } = await run((db) => deleteExpiredContacts(db, days));
    process.stdout.write(`Deleted the contact details of ${deleted} closed case(s).\n`);
  } else {
    throw new Problem('validation', `Usage:\n${INCIDENTS_USAGE}`);
  }
}
