// Progress bars for long work on a terminal; silent when not a TTY or under CI.
import { SingleBar, Presets } from 'cli-progress';

export interface Progress {
  update(done: number, payload?: Record<string, string | number>): void;
  stop(): void;
}

const quiet: Progress = { update: () => undefined, stop: () => undefined };

export function progressBar(label: string, total: number, unit: string): Progress {
  if (!process.stderr.isTTY || process.env['CI']) return quiet;
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {eta_formatted} left{extra}`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { extra: '' });
  return {
    update: (done, payload) => bar.update(Math.min(done, total), payload ?? {}),
    stop: () => bar.stop(),
  };
}
