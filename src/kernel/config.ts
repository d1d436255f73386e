import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError, issuesFromZod } from './errors.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = (max: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(max, `must be at most ${max}`);

/**
 * Every setting of cirtkit, by the name it has in the environment and in the config file.
 * Values arrive as strings (environment) or JSON values (file); both are coerced here.
 */
export const configSchema = z.object({
  CIRTKIT_PORT: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(8058),
  CIRTKIT_HOST: z.string().min(1).default('127.0.0.1'),
  CIRTKIT_DATA_DIR: z.string().min(1).default('./var'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'must start with postgres://, postgresql:// or sqlite:')
    .optional(),
  CIRTKIT_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  CIRTKIT_ADMIN_EMAIL: z.email('must be an e-mail address').default('admin@cirtkit.local'),
  CIRTKIT_PUBLIC_URL: z.url('must be a URL such as https://cirt.example.org').optional(),
  CIRTKIT_TRUST_PROXY: z.union([z.boolean(), bool]).default(false),
  CIRTKIT_SESSION_HOURS: positiveInt(24 * 30).default(12),
  CIRTKIT_BODY_LIMIT_BYTES: positiveInt(100 * 1024 * 1024).default(1024 * 1024),
  CIRTKIT_LOGIN_MAX_FAILURES: positiveInt(100).default(5),
  CIRTKIT_LOCKOUT_MINUTES: positiveInt(24 * 60).default(15),
  CIRTKIT_LOGIN_RATE_PER_MINUTE: positiveInt(10_000).default(20),
  CIRTKIT_API_RATE_PER_MINUTE: positiveInt(1_000_000).default(6000),
  CIRTKIT_REGISTRY_DATA_DIR: z.string().min(1).optional(),
  CIRTKIT_TOOLKIT_CONTENT_DIR: z.string().min(1).optional(),
  CIRTKIT_LAW_CONTENT_DIR: z.string().min(1).optional(),
  CIRTKIT_INCIDENTS_DATA_DIR: z.string().min(1).optional(),
  /** Prefix of incident reference numbers: `CIRT-2026-000042`. */
  CIRTKIT_INCIDENT_PREFIX: z
    .string()
    .regex(/^[A-Z][A-Z0-9]{1,11}$/, 'must be 2 to 12 capital letters or digits, such as CIRT')
    .default('CIRT'),
  CIRTKIT_ATTACHMENT_MAX_BYTES: positiveInt(100 * 1024 * 1024).default(10 * 1024 * 1024),
  /** Reports accepted from one address per hour on the public form. */
  CIRTKIT_PUBLIC_REPORT_RATE_PER_HOUR: positiveInt(10_000).default(10),
  CIRTKIT_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/, 'must be a URL such as smtp://user:password@mail.example.org:587')
    .optional(),
  CIRTKIT_MAIL_FROM: z.email('must be an e-mail address').optional(),
  CIRTKIT_IMAP_URL: z
    .string()
    .regex(
      /^imaps?:\/\/[^/]+/,
      'must be a URL such as imaps://user:password@mail.example.org:993/INBOX',
    )
    .optional(),
  CIRTKIT_IMAP_POLL_SECONDS: positiveInt(24 * 3600).default(60),
  /** How often missed SLA deadlines are looked for and put on the timeline; 0 turns it off. */
  CIRTKIT_SLA_SWEEP_SECONDS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0 (off) or more')
    .max(24 * 3600, `must be at most ${24 * 3600}`)
    .default(60),
  /** How often subscriptions to peers' TAXII collections are checked for a due poll; 0 turns polling off. */
  CIRTKIT_EXCHANGE_POLL_SECONDS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0 (off) or more')
    .max(24 * 3600, `must be at most ${24 * 3600}`)
    .default(60),
  /** An armored OpenPGP private key file the team signs its notifications with. */
  CIRTKIT_PGP_KEY_FILE: z.string().min(1).optional(),
  CIRTKIT_PGP_PASSPHRASE: z.string().optional(),
});

export type ConfigInput = z.input<typeof configSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  logLevel: z.infer<typeof configSchema>['CIRTKIT_LOG_LEVEL'];
  adminEmail: string;
  publicUrl: string | undefined;
  /** True when users reach cirtkit over HTTPS: cookies get `Secure` and HSTS is sent. */
  secure: boolean;
  trustProxy: boolean;
  sessionHours: number;
  bodyLimitBytes: number;
  loginMaxFailures: number;
  lockoutMinutes: number;
  loginRatePerMinute: number;
  apiRatePerMinute: number;
  /** Registry reference data (countries, groups, seed teams); undefined: the shipped data/registry. */
  registryDataDir: string | undefined;
  /** Toolkit content (questionnaires, SIM3, tiers, services, guidance); default data/toolkit. */
  toolkitContentDir: string | undefined;
  /** The law catalogue folder (catalogue/, i18n/); the shipped data/law when unset. */
  lawContentDir: string | undefined;
  /** Where the incidents' reference data (RSIT, playbooks, templates) is read from; default data/incidents. */
  incidentsDataDir: string | undefined;
  incidentPrefix: string;
  attachmentMaxBytes: number;
  publicReportRatePerHour: number;
  /** Seconds between two sweeps for missed SLA deadlines; 0: no sweep. */
  slaSweepSeconds: number;
  exchangePollSeconds: number;
  mail: {
    /** Outgoing mail; without it notifications and acknowledgements are refused with a clear message. */
    smtpUrl: string | undefined;
    from: string;
    /** The intake mailbox; without it the platform does not poll. */
    imapUrl: string | undefined;
    imapPollSeconds: number;
    pgpKeyFile: string | undefined;
    pgpPassphrase: string | undefined;
  };
}

const knownKeys = new Set(Object.keys(configSchema.shape));

/** Reads an optional JSON config file; unknown keys are refused so typos do not go unnoticed. */
export function readConfigFile(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError('config_invalid', `Config file ${file} is not valid JSON`, {
      cause: error,
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AppError('config_invalid', `Config file ${file} must hold one JSON object`);
  }
  const unknown = Object.keys(parsed).filter((key) => !knownKeys.has(key));
  if (unknown.length > 0) {
    throw new AppError('config_invalid', `Config file ${file} has unknown settings`, {
      issues: unknown.map((field) => ({ field, message: 'is not a cirtkit setting' })),
    });
  }
  return parsed as Record<string, unknown>;
}

/**
 * Builds the configuration: defaults, then the config file (CIRTKIT_CONFIG, or
 * ./cirtkit.config.json when present), then the environment. Fails fast naming each bad setting.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): Config {
  const fileName =
    env.CIRTKIT_CONFIG ??
    (existsSync(path.join(cwd, 'cirtkit.config.json')) ? 'cirtkit.config.json' : undefined);
  const fromFile = fileName ? readConfigFile(path.resolve(cwd, fileName)) : {};
  const fromEnv: Record<string, string> = {};
  for (const key of knownKeys) {
    const value = env[key];
    if (value !== undefined && value !== '') fromEnv[key] = value;
  }
  const result = configSchema.safeParse({ ...fromFile, ...fromEnv });
  if (!result.success) {
    const issues = issuesFromZod(result.error.issues);
    const list = issues.map((i) => `${i.field} ${i.message}`).join('; ');
    throw new AppError('config_invalid', `Invalid configuration: ${list}`, { issues });
  }
  const c = result.data;
  const dataDir = path.resolve(cwd, c.CIRTKIT_DATA_DIR);
  const url = c.DATABASE_URL;
  const database: Config['database'] =
    url === undefined
      ? { kind: 'sqlite', file: path.join(dataDir, 'cirtkit.sqlite') }
      : url.startsWith('sqlite:')
        ? { kind: 'sqlite', file: path.resolve(cwd, url.slice('sqlite:'.length)) }
        : { kind: 'postgres', url };
  return {
    port: c.CIRTKIT_PORT,
    host: c.CIRTKIT_HOST,
    dataDir,
    database,
    logLevel: c.CIRTKIT_LOG_LEVEL,
    adminEmail: c.CIRTKIT_ADMIN_EMAIL.toLowerCase(),
    publicUrl: c.CIRTKIT_PUBLIC_URL,
    secure: c.CIRTKIT_PUBLIC_URL?.startsWith('https://') ?? false,
    trustProxy: c.CIRTKIT_TRUST_PROXY,
    sessionHours: c.CIRTKIT_SESSION_HOURS,
    bodyLimitBytes: c.CIRTKIT_BODY_LIMIT_BYTES,
    loginMaxFailures: c.CIRTKIT_LOGIN_MAX_FAILURES,
    lockoutMinutes: c.CIRTKIT_LOCKOUT_MINUTES,
    loginRatePerMinute: c.CIRTKIT_LOGIN_RATE_PER_MINUTE,
    apiRatePerMinute: c.CIRTKIT_API_RATE_PER_MINUTE,
    registryDataDir: c.CIRTKIT_REGISTRY_DATA_DIR && path.resolve(cwd, c.CIRTKIT_REGISTRY_DATA_DIR),
    toolkitContentDir:
      c.CIRTKIT_TOOLKIT_CONTENT_DIR && path.resolve(cwd, c.CIRTKIT_TOOLKIT_CONTENT_DIR),
    lawContentDir: c.CIRTKIT_LAW_CONTENT_DIR && path.resolve(cwd, c.CIRTKIT_LAW_CONTENT_DIR),
    incidentsDataDir:
      c.CIRTKIT_INCIDENTS_DATA_DIR && path.resolve(cwd, c.CIRTKIT_INCIDENTS_DATA_DIR),
    incidentPrefix: c.CIRTKIT_INCIDENT_PREFIX,
    attachmentMaxBytes: c.CIRTKIT_ATTACHMENT_MAX_BYTES,
    publicReportRatePerHour: c.CIRTKIT_PUBLIC_REPORT_RATE_PER_HOUR,
    slaSweepSeconds: c.CIRTKIT_SLA_SWEEP_SECONDS,
    exchangePollSeconds: c.CIRTKIT_EXCHANGE_POLL_SECONDS,
    mail: {
      smtpUrl: c.CIRTKIT_SMTP_URL,
      from: c.CIRTKIT_MAIL_FROM ?? 'cirt@cirtkit.local',
      imapUrl: c.CIRTKIT_IMAP_URL,
      imapPollSeconds: c.CIRTKIT_IMAP_POLL_SECONDS,
      pgpKeyFile: c.CIRTKIT_PGP_KEY_FILE && path.resolve(cwd, c.CIRTKIT_PGP_KEY_FILE),
      pgpPassphrase: c.CIRTKIT_PGP_PASSPHRASE,
    },
  };
}
