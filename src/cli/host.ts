// What the command line needs from the program it runs in. src/app/ provides it, so that cli/ never imports app/.
import type { Command } from 'commander';
import type { CurtainConfig } from '../config/config.ts';
import type { ConfigOverrides } from '../config/settings.ts';
import type { HubService } from '../hub/hub-service.ts';
import type { LockOwner } from '../storage/data-dir-lock.ts';
import type { Vault } from '../vault/vault.ts';

export type OpenVaultOutcome =
  { readonly ok: true; readonly vault: Vault } | { readonly ok: false; readonly owner: LockOwner };

export type ServerRole = 'all' | 'vault' | 'hub';

export interface StartOptions {
  /** The last day of a demo bank's history, when the first start generates one. */
  readonly end: string;
  readonly role?: ServerRole;
}

export interface GenerateOptions {
  readonly customers: number;
  readonly seed: number;
  readonly end: string;
  readonly truth?: string;
  /** `real` (default), `thin` or card payments per customer per month (docs/generator.md). */
  readonly density?: 'real' | 'thin' | number;
}

export interface CliHost {
  /** Opens the vault for one command: locked, migrated and wired; or names the process that holds it. */
  openVault(config: CurtainConfig, command: string): Promise<OpenVaultOutcome>;
  /** The hub on an opened vault's database, reaching the vault through its door. */
  openHub(vault: Vault): Promise<HubService>;
  /** `curtain start`: serves the platform until stopped. */
  start(cli: CliContext, options: StartOptions): Promise<unknown>;
  /** `curtain generate`: a demo bank into the vault. */
  generate(cli: CliContext, options: GenerateOptions): Promise<unknown>;
  /** Commands that only the composition root may offer (the demo bank's helpers), listed after `advisor`. */
  readonly groups?: readonly CommandGroup[];
}

/** The running server that holds the data directory: commands the API offers go through it. */
export interface ServerSession {
  readonly kind: 'server';
  readonly url: string;
  /** The local CLI's key (CURTAIN_API_KEY, or the one the server issued at start). */
  readonly apiKey: string | undefined;
}

/** What every command receives: the configuration and the host. */
export interface CliContext {
  readonly config: CurtainConfig;
  readonly host: CliHost;
}

/** What each command's definition receives: this run's configuration and what the host opens for it. */
export interface CommandScope {
  readonly host: CliHost;
  /** The validated configuration (a command's own flags, the global options, environment, defaults). */
  context(extra?: ConfigOverrides): Promise<CliContext>;
  /** The vault to this command alone: a server holding the data directory stops it with DATA_DIR_BUSY. */
  localVault(command: string): Promise<Vault>;
  /**
   * The server holding the PGlite data directory, found from the data directory's flag, variable or default
   * before the configuration is loaded: a command it answers loads neither the vault nor the validation.
   */
  runningServer(): Promise<ServerSession | undefined>;
}

/** A top-level command whose sub-commands are defined only when it runs, so that `--help` loads none of them. */
export interface CommandGroup {
  readonly name: string;
  readonly description: string;
  define(group: Command, scope: CommandScope): void | Promise<void>;
}
