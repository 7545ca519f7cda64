// Configuration: every setting, its environment variable, flag and default, in one place (docs/configuration.md).
import { resolve } from 'node:path';
import { z } from 'zod';
import { CurtainError } from '../core/errors.ts';

const schema = z.object({
  dataDir: z.string().min(1),
  keyDir: z.string().min(1),
  databaseUrl: z.string().url().optional(),
  host: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
  demoCustomers: z.coerce.number().int().min(0),
  demoSeed: z.coerce.number().int(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  logOrigin: z
    .string()
    .min(1)
    .regex(/^[^\s]+$/, 'no spaces'),
  controller: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as GBP'),
  transactionRetentionDays: z.coerce.number().int().min(30).max(36_500),
  publicUrl: z.string().url().optional(),
  smtpUrl: z
    .string()
    .regex(/^smtps?(\+starttls)?:\/\//, 'smtp://, smtp+starttls:// or smtps:// followed by the host')
    .url()
    .optional(),
  mailFrom: z.string().min(3),
  webhookUrl: z.string().url().optional(),
  webhookSecret: z.string().min(32, 'at least 32 characters').optional(),
  pushUrl: z.string().url().optional(),
  pushToken: z.string().min(1).optional(),
  doorKey: z.string().min(32, 'at least 32 characters').optional(),
  vaultUrl: z.string().url().optional(),
  rateLimit: z.coerce.number().int().min(0),
});

export type CurtainConfig = Readonly<z.infer<typeof schema>>;

/** Each setting: environment variable and default. Flags of the same name override both. */
export const settings = {
  dataDir: { env: 'CURTAIN_DATA_DIR', default: './.curtain', help: 'PGlite data directory (embedded mode)' },
  keyDir: {
    env: 'CURTAIN_KEY_DIR',
    default: './.curtain-keys',
    help: 'directory of the local key file; keep it outside the data directory and its backups',
  },
  databaseUrl: {
    env: 'DATABASE_URL',
    default: undefined,
    help: 'PostgreSQL server; when set, PGlite is not used',
  },
  host: { env: 'HOST', default: '127.0.0.1', help: 'address the HTTP server listens on' },
  port: { env: 'PORT', default: '8080', help: 'HTTP port (0 picks a free one)' },
  demoCustomers: {
    env: 'CURTAIN_DEMO_CUSTOMERS',
    default: '2000',
    help: 'size of the demo bank generated on first start (0: none)',
  },
  demoSeed: { env: 'CURTAIN_DEMO_SEED', default: '1', help: 'seed of the demo bank' },
  logLevel: { env: 'LOG_LEVEL', default: 'info', help: 'fatal, error, warn, info, debug, trace or silent' },
  logOrigin: {
    env: 'CURTAIN_LOG_ORIGIN',
    default: 'curtain.example/vault',
    help: 'origin line of the transparency log checkpoints (a name for this log, e.g. bank.example/vault-eu)',
  },
  controller: {
    env: 'CURTAIN_CONTROLLER',
    default: 'Demo Bank plc',
    help: 'data controller named in consent receipts',
  },
  currency: {
    env: 'CURTAIN_CURRENCY',
    default: 'GBP',
    help: 'the vault’s currency: amounts in questions are in it',
  },
  transactionRetentionDays: {
    env: 'CURTAIN_TRANSACTION_RETENTION_DAYS',
    default: '2557',
    help: 'how long transactions are kept (7 years by default); no question may look further back',
  },
  publicUrl: {
    env: 'CURTAIN_PUBLIC_URL',
    default: undefined,
    help: 'where customers reach the console; inbox links in notices point here (default http://HOST:PORT)',
  },
  smtpUrl: {
    env: 'CURTAIN_SMTP_URL',
    default: undefined,
    help: 'mail server for email notices, e.g. smtp+starttls://user:pass@mail.bank.example:587 (unset: no email)',
  },
  mailFrom: {
    env: 'CURTAIN_MAIL_FROM',
    default: '"Demo Bank" <notices@bank.example>',
    help: 'sender of email notices',
  },
  webhookUrl: {
    env: 'CURTAIN_WEBHOOK_URL',
    default: undefined,
    help: 'the bank’s own endpoint for webhook notices, signed with CURTAIN_WEBHOOK_SECRET (unset: no webhook)',
  },
  webhookSecret: {
    env: 'CURTAIN_WEBHOOK_SECRET',
    default: undefined,
    help: 'shared secret (32+ characters) that signs webhook notices',
  },
  pushUrl: {
    env: 'CURTAIN_PUSH_URL',
    default: undefined,
    help: 'the bank’s push gateway: neutral push notices to registered devices (unset: no push)',
  },
  pushToken: {
    env: 'CURTAIN_PUSH_TOKEN',
    default: undefined,
    help: 'bearer token for the push gateway',
  },
  doorKey: {
    env: 'CURTAIN_DOOR_KEY',
    default: undefined,
    help: 'shared secret (32+ characters) the hub presents to the vault when they run as separate processes',
  },
  vaultUrl: {
    env: 'CURTAIN_VAULT_URL',
    default: undefined,
    help: 'where a hub started with --role hub reaches the vault, e.g. http://127.0.0.1:8081',
  },
  rateLimit: {
    env: 'CURTAIN_RATE_LIMIT',
    default: '600',
    help: 'HTTP requests per client address and minute (0: no limit)',
  },
} as const satisfies Record<keyof CurtainConfig, { env: string; default: string | undefined; help: string }>;

export type ConfigOverrides = Partial<Record<keyof CurtainConfig, string | number | undefined>>;

export function loadConfig(
  overrides: ConfigOverrides = {},
  environment: NodeJS.ProcessEnv = process.env,
): CurtainConfig {
  const raw: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(settings)) {
    const value = overrides[name as keyof CurtainConfig] ?? environment[setting.env] ?? setting.default;
    if (value !== undefined && value !== '') raw[name] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? '');
    const setting = settings[name as keyof CurtainConfig];
    throw new CurtainError(
      'CONFIG_INVALID',
      `invalid setting ${name} (${setting?.env ?? '?'}): ${issue?.message ?? 'invalid'}`,
    );
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.dataDir), keyDir: resolve(parsed.data.keyDir) };
}
