// The command line's host: how its commands open the vault, the hub, the server and the demo bank.
import type { CliHost } from '../cli/host.ts';
import { registerDemoCommands } from '../demo/demo-commands.ts';
import { openHub } from './hub-process.ts';
import { openVault } from './vault-process.ts';

export const cliHost: CliHost = {
  openVault,
  openHub: (vault) => openHub(vault),
  start: async (config, options) => (await import('./platform.ts')).startCommand(config, options),
  generate: async (config, options) => (await import('./platform.ts')).generateCommand(config, options),
  registerMore: (program, open) => registerDemoCommands(program, () => open('curtain demo')),
};
