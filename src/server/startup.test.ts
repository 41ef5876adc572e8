import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirectoryInUseError, lockDataDirectory } from './db/data-dir.js';
import { call } from './test-support/api-client.js';
import { freshDatabase } from './test-support/database.js';
import { passSecondStep } from './test-support/second-factor.js';
import { CLI, childEnv, runCli, startServerProcess } from './test-support/server-process.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-test-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the data directory lock', () => {
  it('refuses a second holder with a message that says what to do', () => {
    const dir = tempDir();
    const release = lockDataDirectory(dir);
    try {
      expect(() => lockDataDirectory(dir)).toThrow(DataDirectoryInUseError);
      expect(() => lockDataDirectory(dir)).toThrow(/Another Crossroads process .* is using the data directory/);
    } finally {
      release();
    }
    expect(fs.existsSync(path.join(dir, 'crossroads.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'crossroads.lock'), JSON.stringify({ pid: 2 ** 22 + 17, host: os.hostname() }));
    const release = lockDataDirectory(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'crossroads.lock'), 'utf8')).pid).toBe(process.pid);
    release();
  });
});

describe('starting on the embedded database', () => {
  it('creates the database, prints a one-time password once, and refuses a second server on the same directory', {
    timeout: 240_000,
  }, async () => {
    const dataDir = tempDir();
    const server = await startServerProcess({ DATA_DIR: dataDir });
    try {
      const health = await (await fetch(`http://127.0.0.1:${server.port}/api/health`)).json();
      expect(health).toEqual({ status: 'ok', database: 'pglite' });
      const output = server.output();
      expect(output).toMatch(/one-time password:\s+[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}/);
      expect(output).toContain('Production data belongs on a PostgreSQL server');
      const password = output.match(/one-time password:\s+(\S+)/)?.[1] as string;
      const login = await fetch(`http://127.0.0.1:${server.port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'coordinator@crossroads.local', password }),
      });
      expect(login.status).toBe(200);
      expect(((await login.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(true);

      const second = await runCli(['serve'], { DATA_DIR: dataDir, PORT: '0' });
      expect(second.code).toBe(2);
      expect(second.stderr).toMatch(/Another Crossroads process \(pid \d+ .*\) is using the data directory/);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(fs.existsSync(path.join(dataDir, 'crossroads.lock'))).toBe(false);

    const again = await startServerProcess({ DATA_DIR: dataDir });
    try {
      expect(again.output()).not.toContain('one-time password');
    } finally {
      await again.stop();
    }
  });

  it('survives a kill during the first initialisation', { timeout: 240_000 }, async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, [CLI, 'migrate'], { env: childEnv({ DATA_DIR: dataDir }) });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Kill it as soon as the scratch directory of the first initialisation appears.
    for (let i = 0; i < 600 && child.exitCode === null; i++) {
      if (fs.readdirSync(dataDir).some((entry) => entry.startsWith('pgdata.init-'))) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    await exited;
    expect(fs.existsSync(path.join(dataDir, 'pgdata'))).toBe(false);

    const rerun = await runCli(['migrate'], { DATA_DIR: dataDir });
    expect(rerun.stderr).toBe('');
    expect(rerun.stdout).toMatch(/Applied: \d+_platform/);
    expect(rerun.code).toBe(0);
    expect(fs.readdirSync(dataDir).filter((e) => e.startsWith('pgdata.init-'))).toEqual([]);
  });
});

describe('the command line', () => {
  it('migrates, creates an account with a one-time password, and refuses a duplicate clearly', { timeout: 240_000 }, async () => {
    const dataDir = tempDir();
    expect((await runCli(['migrate'], { DATA_DIR: dataDir })).stdout).toMatch(/Applied/);
    expect((await runCli(['migrate'], { DATA_DIR: dataDir })).stdout).toBe('The database is up to date.\n');
    const created = await runCli(
      [
        'user',
        'create',
        '--email',
        'gr.delegation@example.org',
        '--name',
        'Greek Delegation',
        '--role',
        'delegation',
        '--country',
        'GR',
      ],
      {
        DATA_DIR: dataDir,
      },
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/One-time password, shown once:\n {2}[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}/);
    const twice = await runCli(
      ['user', 'create', '--email', 'GR.delegation@example.org', '--name', 'Again', '--role', 'delegation', '--country', 'GR'],
      {
        DATA_DIR: dataDir,
      },
    );
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('An account with this email address already exists.');
    const wrongScope = await runCli(['user', 'create', '--email', 'x@example.org', '--name', 'X', '--role', 'delegation'], {
      DATA_DIR: dataDir,
    });
    expect(wrongScope.code).toBe(2);
    expect(wrongScope.stderr).toContain('The role delegation is granted on: country');
    const reset = await runCli(['user', 'reset-password', '--email', 'gr.delegation@example.org'], { DATA_DIR: dataDir });
    expect(reset.code).toBe(0);
    const unknown = await runCli(['frobnicate'], { DATA_DIR: dataDir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });

  it('explains a bad setting instead of starting', { timeout: 120_000 }, async () => {
    const result = await runCli(['serve'], { DATA_DIR: tempDir(), PORT: 'eighty' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORT must be a whole number between 0 and 65535; it is "eighty".');
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('starting on a PostgreSQL server', () => {
  it('serves from PostgreSQL with the configured first account, and two instances share one database', {
    timeout: 240_000,
  }, async () => {
    const database = await freshDatabase('postgres', { migrate: false });
    const env = {
      DATABASE_URL: database.url as string,
      CROSSROADS_ADMIN_EMAIL: 'chair@example.org',
      CROSSROADS_ADMIN_PASSWORD: 'Configured passphrase 2026',
    };
    // Both start at once on an empty database: migrations and the first account must not collide.
    const [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    try {
      expect((await (await fetch(`http://127.0.0.1:${a.port}/api/health`)).json()) as unknown).toEqual({
        status: 'ok',
        database: 'postgres',
      });
      expect(a.output() + b.output()).not.toContain('one-time password');
      const login = await fetch(`http://127.0.0.1:${a.port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'chair@example.org', password: 'Configured passphrase 2026' }),
      });
      expect(login.status).toBe(200);
      const session = (await login.json()) as { mustChangePassword: boolean; csrfToken: string; secondFactorStep: 'enrol' };
      expect(session.mustChangePassword).toBe(false);
      // The session opened on one instance is valid on the other: instances keep no state of their own.
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
      await passSecondStep(
        (method, path, body) => call({ port: a.port, cookie, csrfToken: session.csrfToken, token: '' }, method, path, body),
        'chair@example.org',
        session.secondFactorStep,
      );
      const onB = await fetch(`http://127.0.0.1:${b.port}/api/users`, { headers: { cookie } });
      expect(onB.status).toBe(200);
      expect(((await onB.json()) as { total: number }).total).toBe(1);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await database.close();
    }
  });
});
