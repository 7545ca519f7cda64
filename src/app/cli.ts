// The `curtain` command's entry point: the command line (src/cli/) with this composition root as its host.
import { runCli } from '../cli/program.ts';
import { cliHost } from './cli-host.ts';

await runCli(cliHost, process.argv);
