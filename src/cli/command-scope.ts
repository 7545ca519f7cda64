// The scope of one run of the program: configuration is loaded (and validated) only when a command asks for it.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { rawSettings, type ConfigOverrides } from '../config/settings.ts';
import { CurtainError } from '../core/errors.ts';
import type { CliContext, CliHost, CommandScope } from './host.ts';

interface GlobalOptions {
  readonly dataDir?: string;
  readonly keyDir?: string;
  readonly databaseUrl?: string;
  readonly logLevel?: string;
}

export function commandScope(program: Command, host: CliHost): CommandScope {
  const overrides = (extra: ConfigOverrides = {}): ConfigOverrides => {
    const globals = program.opts<GlobalOptions>();
    return {
      dataDir: globals.dataDir,
      keyDir: globals.keyDir,
      databaseUrl: globals.databaseUrl,
      logLevel: globals.logLevel,
      ...extra,
    };
  };
  const context = async (extra: ConfigOverrides = {}): Promise<CliContext> => {
    const { loadConfig } = await import('../config/config.ts');
    return { config: loadConfig(overrides(extra)), host };
  };
  const localVault = async (command: string) => {
    const { openSession } = await import('./vault-session.ts');
    const session = await openSession(await context(), command, false);
    if (session.kind !== 'local') throw new CurtainError('DATA_DIR_BUSY', 'the data directory is in use');
    return session.vault;
  };
  const runningServer = async () => {
    const raw = rawSettings(overrides());
    // PostgreSQL has no data directory lock: a server on it is not found this way.
    if (raw.databaseUrl !== undefined || raw.dataDir === undefined) return undefined;
    const { findServer } = await import('./vault-session.ts');
    return findServer(resolve(String(raw.dataDir)));
  };
  return { host, context, localVault, runningServer };
}
