import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const CLI = path.resolve('dist/server/crossroads.mjs');

/** Fails clearly when the build the process tests run is missing. */
export function assertBuilt(): void {
  if (!fs.existsSync(CLI))
    throw new Error('dist/server/crossroads.mjs is missing: run `npm run build:server` first (npm test does).');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  output(): string;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** A clean environment for a child server: nothing of the caller's database or admin settings leaks in. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['DATABASE_URL', 'DATA_DIR', 'PORT', 'CROSSROADS_ADMIN_EMAIL', 'CROSSROADS_ADMIN_PASSWORD', 'LOG_LEVEL'])
    delete env[key];
  return { ...env, HOST: '127.0.0.1', LOG_LEVEL: 'info', ...extra };
}

/** Runs the CLI with arguments, returning its exit code and output. */
export function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: childEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Starts `crossroads serve` as a child process and waits until /api/health answers. The port is
 * free when chosen, but another test's server may take it before this one binds it: the health
 * check counts only once this child has said it listens there (else a test could talk to another
 * test's server), and a child that finds its port taken is started again on another.
 */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 150_000): Promise<ServerProcess> {
  assertBuilt();
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    const started = await startOnFreePort(env, deadline);
    if (started.listening) return started.server;
    if (attempt < 3 && /EADDRINUSE/.test(started.server.output())) continue;
    throw new Error(`The server exited before answering:\n${started.server.output()}`);
  }
}

async function startOnFreePort(env: Record<string, string>, deadline: number) {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve'], { env: childEnv({ PORT: String(port), ...env }) });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let alive = true;
  exited.then(() => {
    alive = false;
  });
  const own = `listening at http://127.0.0.1:${port}"`;
  let listening = false;
  while (Date.now() < deadline && alive && !listening) {
    if (output.includes(own)) {
      try {
        listening = (await fetch(`http://127.0.0.1:${port}/api/health`)).ok;
      } catch {
        // not answering yet
      }
    }
    if (!listening) await new Promise((r) => setTimeout(r, 100));
  }
  if (!listening && alive) {
    child.kill('SIGKILL');
    throw new Error(`The server did not answer within the time allowed:\n${output}`);
  }
  const server: ServerProcess = {
    child,
    port,
    output: () => output,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  return { server, listening };
}
