// Starts the built platform as an operator would, on a fresh embedded database and a free port.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

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

/** Reads the server's output until the first co-ordinator's banner has been printed. */
function awaitBanner(child: ChildProcess, output: () => string): Promise<{ email: string; oneTimePassword: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`No one-time password banner within 60 s. Output:\n${output()}`)), 60_000);
    const onData = () => {
      const email = /^\s*email:\s+(\S+)\s*$/m.exec(output())?.[1];
      const oneTimePassword = /^\s*one-time password:\s+(\S+)\s*$/m.exec(output())?.[1];
      if (email && oneTimePassword) done(undefined, { email, oneTimePassword });
    };
    const onExit = (code: number | null) =>
      done(new Error(`The server exited (code ${code}) before it was ready. Output:\n${output()}`));
    function done(error: Error | undefined, value?: { email: string; oneTimePassword: string }) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else if (value) resolve(value);
    }
    child.stdout?.on('data', onData);
    child.on('exit', onExit);
  });
}

async function awaitHealth(origin: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${origin}/api/health did not answer 200 within 30 s (last: ${last}).`);
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
 * `node dist/cli/main.js serve` in the repository, with its own data directory and port. `env` adds
 * settings; `prepare` runs first with the server's environment (e.g. a CLI command on its database).
 */
export interface StartOptions {
  env?: Record<string, string>;
  prepare?: (env: NodeJS.ProcessEnv) => void;
}

export async function startServer(repository: string, options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-e2e-'));
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

  const child = spawn(process.execPath, [path.join(repository, 'dist', 'cli', 'main.js'), 'serve'], {
    cwd: repository,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
    const banner = await awaitBanner(child, () => output);
    await awaitHealth(origin);
    return { origin, ...banner, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
