import { createPrivateKey } from 'node:crypto';
import path from 'node:path';

/** The validated configuration of one server process. */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server URL; when absent the embedded PGlite database in dataDir is used. */
  databaseUrl: string | undefined;
  /** Directory of the embedded database and its lock file; `memory://` keeps it in memory (tests). */
  dataDir: string;
  databasePoolSize: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /**
   * Failed sign-ins on an account within loginWindowMinutes before further attempts on it must
   * wait (never a lock: an address that has not been failing on the account has its own count).
   */
  loginMaxFailuresPerAccount: number;
  /** Failed sign-ins allowed per address within loginWindowMinutes, then every attempt from it is refused. */
  loginMaxFailuresPerAddress: number;
  loginWindowMinutes: number;
  /** The first wait, in seconds, once an account has had its failures; it doubles with each further one. */
  loginDelaySeconds: number;
  /** The longest wait between attempts on one account, in seconds. */
  loginMaxDelaySeconds: number;
  /** Trust X-Forwarded-* headers from a reverse proxy (needed for Secure cookies behind TLS). */
  trustProxy: boolean;
  /** Directory of the built web client; served at / when it exists. */
  webDir: string;
  bodyLimitBytes: number;
  /** Tests only: every scheduled job runs every this many seconds instead of its own period. */
  jobPeriodSeconds: number | undefined;
  /** Hate incidents: reporters' contact details are deleted this many days after a case is closed. */
  incidentContactRetentionDays: number;
  /**
   * Public reports (and refused proofs) accepted per address per hour, and the proof's rise with
   * load; both off only for a benchmark run.
   */
  incidentRateLimit: boolean;
  incidentMaxReportsPerAddressPerHour: number;
  /** Largest photo (bytes) and most pixels accepted; at most five photos per report. */
  incidentPhotoMaxBytes: number;
  incidentPhotoMaxPixels: number;
  /**
   * Photos are decoded and re-encoded in worker threads, never on the event loop: how many
   * threads, how many photos may wait for one (more are refused with 503), the time one photo may
   * take, and the heap each thread may use.
   */
  incidentPhotoWorkers: number;
  incidentPhotoQueue: number;
  incidentPhotoTimeoutMs: number;
  incidentPhotoWorkerMemoryMb: number;
  /**
   * The public form's proof of work (leading zero bits) when all is calm, one bit more for each
   * incidentReportsPerProofBit reports accepted in the last hour, up to incidentProofMaxBits; and
   * the least time the form is open, in seconds.
   */
  incidentProofBits: number;
  incidentProofMaxBits: number;
  incidentReportsPerProofBit: number;
  incidentMinFillSeconds: number;
  /**
   * The key under which the server signs the form's challenges. Unset, each process draws a random
   * one at start; several instances behind one address must share it.
   */
  incidentChallengeKey: string | undefined;
  /**
   * The key of the hash under which the rate limits count addresses. Unset, each process draws a
   * random one at start (instances then count addresses separately); set it to share the count.
   */
  incidentAddressKey: string | undefined;
  /**
   * The organisation's Ed25519 private key (PKCS #8 PEM) with which training certificates are
   * signed. Unset, the first instance that issues one draws a key pair and keeps it in the database.
   */
  trainingSigningKey: string | undefined;
  /**
   * The key under which the certificate signing key the installation draws for itself is sealed in
   * the database (AES-256-GCM). Unset, a key drawn at first use is kept in the data directory's
   * `training-signing.key` (random per process with an in-memory database); several instances must share one.
   */
  trainingSealingKey: string | undefined;
  /**
   * The key under which each person's two-factor secret is sealed in the database (AES-256-GCM).
   * Unset, a key drawn at first use is kept in the data directory's `second-factor.key` (random per
   * process with an in-memory database); several instances must share one.
   */
  secondFactorKey: string | undefined;
  /** The platform's address as its users reach it, for the links in emails (no trailing slash). */
  publicUrl: string;
  /** The SMTP server emails are sent through; unset, emails are written to the log without personal data. */
  smtpUrl: string | undefined;
  /**
   * The bearer token `/metrics` asks for; metrics are off (404) without one. At least 24
   * characters: the series describe the platform's load, which is not for everyone.
   */
  metricsToken: string | undefined;
  /** The sender of the platform's emails. */
  mailFrom: string;
  /** Attempts at sending one email before it is reported as failed, and the first wait between them (it doubles). */
  notifyMaxAttempts: number;
  notifyRetrySeconds: number;
  /** How often each instance looks for emails to send. */
  notifyPollMs: number;
  /** Single sign-on through the organisation's OpenID Connect provider; undefined when not configured. */
  sso: SsoConfig | undefined;
}

export interface SsoConfig {
  /** The provider's issuer identifier, exactly as its discovery document states it. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The organisation's name on the sign-in page's button ("Sign in with …"); unset, a generic label. */
  name: string | undefined;
  /**
   * Email domains of the staff, who must sign in through the provider: password sign-in is refused
   * for any account whose email is at one of them. Empty, everyone may still use a password.
   */
  staffDomains: string[];
}

export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A whole-number setting from the environment, checked against its range. */
export function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number between ${min} and ${max}; it is "${raw}".`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false; it is "${raw}".`);
}

function absoluteUrl(name: string, raw: string, protocols: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an absolute address such as ${protocols[0]}//example.org; it is "${raw}".`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}.`);
  }
  return url;
}

/** The settings of the emails the platform sends. */
function mailSettings(env: NodeJS.ProcessEnv, port: number) {
  const publicUrl = absoluteUrl('PUBLIC_URL', env.PUBLIC_URL || `http://localhost:${port}`, ['http:', 'https:']);
  if (publicUrl.search || publicUrl.hash) throw new ConfigError('PUBLIC_URL must have no query or fragment.');
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl) absoluteUrl('SMTP_URL', smtpUrl, ['smtp:', 'smtps:']);
  const mailFrom = env.MAIL_FROM || 'Crossroads <crossroads@localhost>';
  if (!/^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(mailFrom.trim())) {
    throw new ConfigError('MAIL_FROM must be an email address, optionally with a name: "Crossroads <crossroads@example.org>".');
  }
  return {
    publicUrl: publicUrl.href.replace(/\/+$/, ''),
    smtpUrl,
    mailFrom: mailFrom.trim(),
    notifyMaxAttempts: integer(env, 'NOTIFY_MAX_ATTEMPTS', 8, 1, 100),
    notifyRetrySeconds: integer(env, 'NOTIFY_RETRY_SECONDS', 60, 0, 24 * 3600),
    notifyPollMs: integer(env, 'NOTIFY_POLL_SECONDS', 5, 1, 3600) * 1000,
  };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Single sign-on: all three of issuer, client id and secret, or none; the rest only with them. */
function ssoSettings(env: NodeJS.ProcessEnv): SsoConfig | undefined {
  const issuer = env.OIDC_ISSUER || undefined;
  const clientId = env.OIDC_CLIENT_ID || undefined;
  const clientSecret = env.OIDC_CLIENT_SECRET || undefined;
  const given = { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret };
  const missing = Object.entries(given).filter(([, value]) => value === undefined);
  const name = env.OIDC_NAME?.trim() || undefined;
  const domains = (env.OIDC_STAFF_DOMAINS ?? '')
    .split(',')
    .map((domain) => domain.trim().toLowerCase())
    .filter(Boolean);
  if (missing.length === 3) {
    const orphan = [name && 'OIDC_NAME', domains.length > 0 && 'OIDC_STAFF_DOMAINS'].filter(Boolean);
    if (orphan.length > 0) {
      throw new ConfigError(
        `${orphan.join(' and ')} need single sign-on: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.`,
      );
    }
    return undefined;
  }
  if (missing.length > 0) {
    throw new ConfigError(
      `Single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together; ${missing.map(([key]) => key).join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing.`,
    );
  }
  const url = absoluteUrl('OIDC_ISSUER', issuer as string, ['https:', 'http:']);
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new ConfigError('OIDC_ISSUER must start with https:// (plain http:// only for a provider on this machine).');
  }
  if (url.search || url.hash) throw new ConfigError('OIDC_ISSUER must have no query or fragment.');
  if (name && name.length > 80) throw new ConfigError('OIDC_NAME must be at most 80 characters.');
  for (const domain of domains) {
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) {
      throw new ConfigError(
        `OIDC_STAFF_DOMAINS must list email domains separated by commas, e.g. "osce.org,odihr.pl"; "${domain}" is not one.`,
      );
    }
  }
  return {
    issuer: issuer as string,
    clientId: clientId as string,
    clientSecret: clientSecret as string,
    name,
    staffDomains: domains,
  };
}

function metricsToken(env: NodeJS.ProcessEnv): string | undefined {
  const token = env.METRICS_TOKEN || undefined;
  if (token !== undefined && (token.length < 24 || /\s/.test(token))) {
    throw new ConfigError(
      'METRICS_TOKEN must be at least 24 characters without spaces, e.g. the output of `openssl rand -hex 24`.',
    );
  }
  return token;
}

/** Reads and validates the environment once; throws ConfigError with a message an operator understands. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaults: Partial<Config> = {}): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://.');
  }
  const logLevel = (env.LOG_LEVEL || defaults.logLevel || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; it is "${logLevel}".`);
  }
  const adminEmail = env.CROSSROADS_ADMIN_EMAIL || undefined;
  if (adminEmail && !/^[^\s@]+@[^\s@]+$/.test(adminEmail)) {
    throw new ConfigError('CROSSROADS_ADMIN_EMAIL must be an email address.');
  }
  const adminPassword = env.CROSSROADS_ADMIN_PASSWORD || undefined;
  if (adminPassword && adminPassword.length < 12) {
    throw new ConfigError('CROSSROADS_ADMIN_PASSWORD must be at least 12 characters long.');
  }
  const loginDelaySeconds = integer(env, 'LOGIN_DELAY_SECONDS', 2, 1, 3600);
  const loginMaxDelaySeconds = integer(env, 'LOGIN_MAX_DELAY_SECONDS', 300, 1, 24 * 3600);
  if (loginMaxDelaySeconds < loginDelaySeconds) {
    throw new ConfigError('LOGIN_MAX_DELAY_SECONDS must be at least LOGIN_DELAY_SECONDS.');
  }
  const dataDir = env.DATA_DIR || defaults.dataDir || './data';
  if (env.INCIDENT_MAX_REPORTS_PER_HOUR) {
    throw new ConfigError(
      'INCIDENT_MAX_REPORTS_PER_HOUR is no longer used: instead of closing the report form for everyone, its proof of work ' +
        'grows harder with load (INCIDENT_REPORTS_PER_PROOF_BIT, INCIDENT_PROOF_MAX_BITS). Remove it.',
    );
  }
  const incidentChallengeKey = env.INCIDENT_CHALLENGE_KEY || undefined;
  if (incidentChallengeKey && incidentChallengeKey.length < 32) {
    throw new ConfigError('INCIDENT_CHALLENGE_KEY must be at least 32 characters long.');
  }
  const secondFactorKey = env.SECOND_FACTOR_KEY || undefined;
  if (secondFactorKey && secondFactorKey.length < 32) {
    throw new ConfigError('SECOND_FACTOR_KEY must be at least 32 characters long.');
  }
  const trainingSealingKey = env.TRAINING_SEALING_KEY || undefined;
  if (trainingSealingKey && trainingSealingKey.length < 32) {
    throw new ConfigError('TRAINING_SEALING_KEY must be at least 32 characters long.');
  }
  const incidentProofBits = integer(env, 'INCIDENT_PROOF_BITS', 14, 0, 24);
  const port = integer(env, 'PORT', defaults.port ?? 3000, 0, 65535);
  return {
    port,
    host: env.HOST || defaults.host || '127.0.0.1',
    databaseUrl,
    dataDir: dataDir === 'memory://' ? dataDir : path.resolve(dataDir),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 500),
    logLevel,
    adminEmail,
    adminPassword,
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 120, 1, 7 * 24 * 60),
    sessionAbsoluteHours: integer(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30),
    loginMaxFailuresPerAccount: integer(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, 1, 1000),
    loginMaxFailuresPerAddress: integer(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 30, 1, 100000),
    loginWindowMinutes: integer(env, 'LOGIN_WINDOW_MINUTES', 15, 1, 24 * 60),
    loginDelaySeconds,
    loginMaxDelaySeconds,
    trustProxy: flag(env, 'TRUST_PROXY', false),
    webDir: path.resolve(env.WEB_DIR || defaults.webDir || 'dist/web'),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 512 * 1024 * 1024),
    incidentContactRetentionDays: integer(env, 'INCIDENT_CONTACT_RETENTION_DAYS', 90, 0, 3650),
    incidentRateLimit: flag(env, 'INCIDENT_RATE_LIMIT', true),
    incidentMaxReportsPerAddressPerHour: integer(env, 'INCIDENT_MAX_REPORTS_PER_ADDRESS_PER_HOUR', 10, 1, 100000),
    incidentPhotoMaxBytes: integer(env, 'INCIDENT_PHOTO_MAX_BYTES', 4 * 1024 * 1024, 1024, 32 * 1024 * 1024),
    incidentPhotoMaxPixels: integer(env, 'INCIDENT_PHOTO_MAX_PIXELS', 16_000_000, 10_000, 50_000_000),
    incidentPhotoWorkers: integer(env, 'INCIDENT_PHOTO_WORKERS', 1, 1, 64),
    incidentPhotoQueue: integer(env, 'INCIDENT_PHOTO_QUEUE', 10, 0, 10_000),
    incidentPhotoTimeoutMs: integer(env, 'INCIDENT_PHOTO_TIMEOUT_SECONDS', 20, 1, 600) * 1000,
    incidentPhotoWorkerMemoryMb: integer(env, 'INCIDENT_PHOTO_WORKER_MEMORY_MB', 256, 64, 4096),
    incidentProofBits,
    incidentProofMaxBits: integer(env, 'INCIDENT_PROOF_MAX_BITS', Math.max(20, incidentProofBits), incidentProofBits, 28),
    incidentReportsPerProofBit: integer(env, 'INCIDENT_REPORTS_PER_PROOF_BIT', 100, 1, 1_000_000),
    incidentMinFillSeconds: integer(env, 'INCIDENT_MIN_FILL_SECONDS', 3, 0, 3600),
    incidentAddressKey: env.INCIDENT_ADDRESS_KEY || undefined,
    incidentChallengeKey,
    trainingSigningKey: trainingSigningKey(env),
    trainingSealingKey,
    secondFactorKey,
    ...mailSettings(env, port),
    metricsToken: metricsToken(env),
    sso: ssoSettings(env),
    jobPeriodSeconds: env.JOB_PERIOD_SECONDS ? integer(env, 'JOB_PERIOD_SECONDS', 3600, 1, 24 * 3600) : undefined,
  };
}

function trainingSigningKey(env: NodeJS.ProcessEnv): string | undefined {
  const pem = env.TRAINING_SIGNING_KEY?.replace(/\\n/g, '\n').trim();
  if (!pem) return undefined;
  let type: string | undefined;
  try {
    type = createPrivateKey(pem).asymmetricKeyType;
  } catch {
    throw new ConfigError('TRAINING_SIGNING_KEY must be a PKCS #8 PEM private key.');
  }
  if (type !== 'ed25519') throw new ConfigError('TRAINING_SIGNING_KEY must be an Ed25519 key.');
  return pem;
}
