// The command line's host: how its commands open the vault, the hub, the server and the demo bank. Each is
// imported when a command first needs it, so that `curtain --help` loads none of them.
import type { CliHost } from '../cli/host.ts';

export const cliHost: CliHost = {
  openVault: async (config, command) => (await import('./vault-process.ts')).openVault(config, command),
  openHub: async (vault) => (await import('./hub-process.ts')).openHubForCli(vault),
  start: async (cli, options) => (await import('./platform.ts')).startCommand(cli, options),
  generate: async (cli, options) => (await import('./platform.ts')).generateCommand(cli, options),
  groups: [
    {
      name: 'demo',
      description: 'DEMO ONLY helpers for the generated demo bank',
      define: async (demo, scope) =>
        (await import('../demo/demo-commands.ts')).defineDemoCommands(demo, () =>
          scope.localVault('curtain demo'),
        ),
    },
  ],
};
