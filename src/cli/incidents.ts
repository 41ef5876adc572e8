import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import { Problem } from '../server/http/problems.js';
import { createIncidentKey, KeyError, rotateIncidentKey } from '../server/incidents/protected/keys.js';
import { deleteExpiredContacts } from '../server/incidents/protected/service.js';
import { prepareDatabase } from '../server/main.js';

export const INCIDENTS_USAGE = `  incidents keygen              create the organisation's key pair for hate-incident reports; the
                                passphrase comes from CROSSROADS_INCIDENT_PASSPHRASE or the first
                                line of standard input, and is never stored
  incidents rotate-key          replace the key pair and wrap every stored report key again; the old
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
  const { values } = parseArgs({ args: rest, options: { days: { type: 'string' } }, strict: true });
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
  if (action === 'keygen') {
    const [passphrase] = await passphrases(['CROSSROADS_INCIDENT_PASSPHRASE'], ['Passphrase']);
    const { keyId } = await run((db) => createIncidentKey(db, passphrase as string));
    process.stdout.write(`Created the incident key ${keyId}. Keep the passphrase safe: without it no report can be read.\n`);
  } else if (action === 'rotate-key') {
    const [oldPassphrase, newPassphrase] = await passphrases(
      ['CROSSROADS_INCIDENT_PASSPHRASE_OLD', 'CROSSROADS_INCIDENT_PASSPHRASE_NEW'],
      ['Old passphrase', 'New passphrase'],
    );
    const result = await run((db) => rotateIncidentKey(db, oldPassphrase as string, newPassphrase as string));
    process.stdout.write(
      `Created the incident key ${result.keyId} and wrapped ${result.rewrapped} stored keys again; the old key is retired.\n`,
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
