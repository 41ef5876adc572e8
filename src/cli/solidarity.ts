import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import type { Context } from '../server/context.js';
import { Problem } from '../server/http/problems.js';
import { prepareDatabase } from '../server/main.js';
import type { ExportFile } from '../server/solidarity/export.js';
import { exportFulfilment } from '../server/solidarity/fulfilment/service.js';
import { exportKey } from '../server/solidarity/keys/export.js';

export const SOLIDARITY_USAGE = `  solidarity key <key> [--version N] [--format csv|xlsx] [--out FILE]
                                a distribution key's shares, allocations and criterion
                                contributions (key: eu-2015-05, eu-2015-09 or a saved key's id)
  solidarity fulfilment [--key K] [--from XX] [--format csv|xlsx] [--out FILE]
                                fair share, places pledged and persons relocated per State`;

function usage(message: string): never {
  throw new Problem('validation', `${message}\n\nUsage:\n${SOLIDARITY_USAGE}`);
}

/** `crossroads solidarity …`: the solidarity tables for operators and scripts, written to a file or standard output. */
export async function solidarity(args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      version: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      out: { type: 'string' },
      key: { type: 'string' },
      from: { type: 'string' },
    },
    strict: true,
  });
  if (action !== 'key' && action !== 'fulfilment') usage(`unknown solidarity command "${action ?? ''}".`);
  const format = values.format;
  if (format !== 'csv' && format !== 'xlsx') usage('--format is csv or xlsx.');
  if (format === 'xlsx' && !values.out) usage('An XLSX workbook needs --out FILE.');
  const config = loadConfig();
  const database = await prepareDatabase(config);
  const ctx: Context = { db: database.db, actor: null, requestId: 'cli', address: 'cli', config };
  try {
    let file: ExportFile;
    if (action === 'key') {
      const key = positionals[0];
      if (!key) usage('Name the key, e.g. eu-2015-09.');
      file = await exportKey(ctx, key, values.version ? Number(values.version) : undefined, format);
    } else if (action === 'fulfilment') {
      file = await exportFulfilment(ctx, { key: values.key, from: values.from?.toUpperCase() }, format);
    } else {
      usage(`unknown solidarity command "${action ?? ''}".`);
    }
    if (values.out) {
      fs.writeFileSync(values.out, file.body);
      process.stderr.write(`Wrote ${values.out}\n`);
    } else {
      process.stdout.write(file.body);
    }
  } finally {
    await database.close();
  }
}
