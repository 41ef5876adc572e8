// Starts the built platform as an operator would, on a fresh embedded database and a free port.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

export interface RunningServer {
  origin: string;
  email: string;
  oneTimePassword: string;
  stop: () => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * How long a journey's server may take to become ready. A first start migrates a new embedded
 * database and hashes a password, which takes a few seconds on an idle machine and much longer on a
 * loaded one; the wait ends as soon as the server is ready, or at once if it exits, so a generous
 * ceiling costs nothing. It stays below the 300 s the journeys' `beforeAll` allows.
 */
const START_SECONDS = Number(process.env.E2E_START_SECONDS ?? 270);

async function healthy(origin: string): Promise<string | undefined> {
  try {
    const response = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(5_000) });
    await response.body?.cancel();
    return response.status === 200 ? undefined : `HTTP ${response.status}`;
  } catch (error) {
    return String(error);
  }
}

/**
 * Waits until the server is ready: it answers `/api/health` and has printed the first
 * co-ordinator's banner (printed once it listens). Fails at once when the process exits.
 */
async function awaitReady(
  child: ChildProcess,
  origin: string,
  output: () => string,
): Promise<{ email: string; oneTimePassword: string }> {
  const started = Date.now();
  const deadline = started + START_SECONDS * 1000;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited (${child.exitCode ?? child.signalCode}) before it was ready. Output:\n${output()}`);
    }
    const email = /^\s*email:\s+(\S+)\s*$/m.exec(output())?.[1];
    const oneTimePassword = /^\s*one-time password:\s+(\S+)\s*$/m.exec(output())?.[1];
    if (email && oneTimePassword) {
      const problem = await healthy(origin);
      if (problem === undefined) return { email, oneTimePassword };
      last = problem;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `The server was not ready within ${START_SECONDS} s (E2E_START_SECONDS); last health check: ${last}. Output:\n${output()}`,
  );
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * `node dist/server/crossroads.mjs serve` in the repository, with its own data directory and port. `env` adds
 * settings; `prepare` runs first with the server's environment (e.g. a CLI command on its database).
 */
export interface StartOptions {
  env?: Record<string, string>;
  /** Arguments after `serve`, e.g. `--demo`. */
  args?: string[];
  prepare?: (env: NodeJS.ProcessEnv) => void;
}

/** The migrated data directory the test run built once (test-support/global-setup.ts), if any. */
function dataDirTemplate(): string | undefined {
  try {
    return inject('dataDirTemplate');
  } catch {
    return undefined;
  }
}

export async function startServer(repository: string, options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-e2e-'));
  // Starting from the migrated database saves each journey the first start's migration; the server
  // still creates its first co-ordinator and everything else a first start does.
  const template = dataDirTemplate();
  if (template) fs.cpSync(template, dataDir, { recursive: true });
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    WEB_DIR: path.join(repository, 'dist', 'web'),
    ...options.env,
  };
  // A configured administrator would replace the one-time password this journey signs in with.
  delete env.CROSSROADS_ADMIN_EMAIL;
  delete env.CROSSROADS_ADMIN_PASSWORD;
  options.prepare?.(env);

  const child = spawn(
    process.execPath,
    [path.join(repository, 'dist', 'server', 'crossroads.mjs'), 'serve', ...(options.args ?? [])],
    {
      cwd: repository,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });

  const stop = async () => {
    await stopProcess(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const origin = `http://127.0.0.1:${port}`;
    const banner = await awaitReady(child, origin, () => output);
    return { origin, ...banner, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
