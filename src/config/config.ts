// Configuration: every setting validated, from its flag, environment variable or default (docs/configuration.md).
import { resolve } from 'node:path';
import { z } from 'zod';
import { CurtainError } from '../core/errors.ts';
import { rawSettings, settings, type ConfigOverrides, type SettingName } from './settings.ts';

export { settings, type ConfigOverrides };

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
  categoryRules: z.string().min(1).optional(),
  amlRetentionYears: z.coerce.number().int().min(1).max(100),
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
  doorTimeoutMs: z.coerce.number().int().min(100).max(3_600_000),
  rateLimit: z.coerce.number().int().min(0),
} satisfies Record<SettingName, z.ZodType>);

export type CurtainConfig = Readonly<z.infer<typeof schema>>;

export function loadConfig(
  overrides: ConfigOverrides = {},
  environment: NodeJS.ProcessEnv = process.env,
): CurtainConfig {
  const parsed = schema.safeParse(rawSettings(overrides, environment));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? '');
    const setting = settings[name as SettingName];
    throw new CurtainError(
      'CONFIG_INVALID',
      `invalid setting ${name} (${setting?.env ?? '?'}): ${issue?.message ?? 'invalid'}`,
    );
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.dataDir), keyDir: resolve(parsed.data.keyDir) };
}
