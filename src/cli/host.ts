// What the command line needs from the program it runs in. src/app/ provides it, so that cli/ never imports app/.
import type { Command } from 'commander';
import type { CurtainConfig } from '../config/config.ts';
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
}

export interface CliHost {
  /** Opens the vault for one command: locked, migrated and wired; or names the process that holds it. */
  openVault(config: CurtainConfig, command: string): Promise<OpenVaultOutcome>;
  /** The hub on an opened vault's database, reaching the vault through its door. */
  openHub(vault: Vault): HubService;
  /** `curtain start`: serves the platform until stopped. */
  start(config: CurtainConfig, options: StartOptions): Promise<unknown>;
  /** `curtain generate`: a demo bank into the vault. */
  generate(config: CurtainConfig, options: GenerateOptions): Promise<unknown>;
  /** Commands that only the composition root may offer (the demo bank's helpers). */
  registerMore?(program: Command, open: (command: string) => Promise<Vault>): void;
}

/** What every command receives: the configuration and the host. */
export interface CliContext {
  readonly config: CurtainConfig;
  readonly host: CliHost;
}
