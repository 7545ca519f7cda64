// Every setting's environment variable, default and help text: what `curtain --help` prints, without the validation.

export interface Setting {
  readonly env: string;
  readonly default: string | undefined;
  readonly help: string;
}

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
    default: '6000',
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
  categoryRules: {
    env: 'CURTAIN_CATEGORY_RULES',
    default: undefined,
    help: 'comma-separated JSON files of the bank’s own category rules, merged after the shipped ones (docs/categories.md)',
  },
  amlRetentionYears: {
    env: 'CURTAIN_AML_RETENTION_YEARS',
    default: '5',
    help:
      'years a former customer is kept after the relationship ended (anti-money-laundering), then erased; seeds ' +
      'the retention policy once (change it with curtain retention propose-aml)',
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
  doorTimeoutMs: {
    env: 'CURTAIN_DOOR_TIMEOUT_MS',
    default: '30000',
    help: 'how long the hub waits for a vault’s door answer (a delivery: 60 times as long); then VAULT_TIMEOUT',
  },
  rateLimit: {
    env: 'CURTAIN_RATE_LIMIT',
    default: '600',
    help: 'HTTP requests per client address and minute (0: no limit)',
  },
} as const satisfies Record<string, Setting>;

export type SettingName = keyof typeof settings;

export type ConfigOverrides = Partial<Record<SettingName, string | number | undefined>>;

/** Each setting's value before validation: the flag, else the environment variable, else the default; '' is unset. */
export function rawSettings(
  overrides: ConfigOverrides = {},
  environment: NodeJS.ProcessEnv = process.env,
): Partial<Record<SettingName, string | number>> {
  const raw: Partial<Record<SettingName, string | number>> = {};
  for (const [name, setting] of Object.entries(settings) as [SettingName, Setting][]) {
    const value = overrides[name] ?? environment[setting.env] ?? setting.default;
    if (value !== undefined && value !== '') raw[name] = value;
  }
  return raw;
}
