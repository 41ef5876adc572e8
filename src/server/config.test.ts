import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to the embedded database in ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, dataDir: path.resolve('data'), sessionIdleMinutes: 120 });
  });

  it('builds email links on PUBLIC_URL, or on the local address without it', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    const config = loadConfig({
      PUBLIC_URL: 'https://crossroads.example.org/platform/',
      SMTP_URL: 'smtp://mail:25',
      MAIL_FROM: 'OSCE <noreply@example.org>',
    });
    expect(config).toMatchObject({
      publicUrl: 'https://crossroads.example.org/platform',
      smtpUrl: 'smtp://mail:25',
      mailFrom: 'OSCE <noreply@example.org>',
    });
  });

  it.each([
    [{ PORT: '70000' }, 'PORT must be a whole number between 0 and 65535; it is "70000".'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must start with postgres:// or postgresql://.'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; it is "loud".'],
    [{ CROSSROADS_ADMIN_PASSWORD: 'short' }, 'CROSSROADS_ADMIN_PASSWORD must be at least 12 characters long.'],
    [{ CROSSROADS_ADMIN_EMAIL: 'nobody' }, 'CROSSROADS_ADMIN_EMAIL must be an email address.'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY must be true or false; it is "maybe".'],
    [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES must be a whole number between 1 and 10080; it is "0".'],
    [{ INCIDENT_MAX_REPORTS_PER_HOUR: '500' }, 'INCIDENT_MAX_REPORTS_PER_HOUR is no longer used'],
    [{ INCIDENT_CHALLENGE_KEY: 'short' }, 'INCIDENT_CHALLENGE_KEY must be at least 32 characters long.'],
    [
      { INCIDENT_PROOF_BITS: '16', INCIDENT_PROOF_MAX_BITS: '12' },
      'INCIDENT_PROOF_MAX_BITS must be a whole number between 16 and 28; it is "12".',
    ],
    [{ INCIDENT_PHOTO_WORKERS: '0' }, 'INCIDENT_PHOTO_WORKERS must be a whole number between 1 and 64; it is "0".'],
    [{ LOGIN_DELAY_SECONDS: '0' }, 'LOGIN_DELAY_SECONDS must be a whole number between 1 and 3600; it is "0".'],
    [
      { LOGIN_DELAY_SECONDS: '60', LOGIN_MAX_DELAY_SECONDS: '30' },
      'LOGIN_MAX_DELAY_SECONDS must be at least LOGIN_DELAY_SECONDS.',
    ],
    [{ SMTP_URL: 'http://mail.example.org' }, 'SMTP_URL must start with smtp:// or smtps://.'],
    [{ SMTP_URL: 'mail.example.org' }, 'SMTP_URL must be an absolute address'],
    [{ PUBLIC_URL: 'crossroads.example.org' }, 'PUBLIC_URL must be an absolute address'],
    [{ PUBLIC_URL: 'https://crossroads.example.org/?x=1' }, 'PUBLIC_URL must have no query or fragment.'],
    [{ MAIL_FROM: 'Crossroads' }, 'MAIL_FROM must be an email address'],
    [{ NOTIFY_MAX_ATTEMPTS: '0' }, 'NOTIFY_MAX_ATTEMPTS must be a whole number between 1 and 100; it is "0".'],
  ])('refuses %o with a message an operator understands', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
