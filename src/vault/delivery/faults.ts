// Fault injection for crash tests: named points in the delivery loop where a test may kill the process.

export const faultPoints = ['after-freeze', 'after-inbox-batch', 'after-notice-send'] as const;
export type FaultPoint = (typeof faultPoints)[number];

/** Called at each fault point; does nothing in production. */
export type FaultHook = (point: FaultPoint) => void;

/**
 * Reads `CURTAIN_FAULT=<point>:<n>` and returns a hook that kills this process with SIGKILL — no cleanup,
 * no flush — the n-th time the point is reached. Undefined when the variable is unset.
 */
export function faultFromEnvironment(env: NodeJS.ProcessEnv = process.env): FaultHook | undefined {
  const setting = env['CURTAIN_FAULT'];
  if (setting === undefined || setting === '') return undefined;
  const match = /^([a-z-]+):(\d+)$/.exec(setting);
  const point = faultPoints.find((p) => p === match?.[1]);
  if (match === null || point === undefined || Number(match[2]) < 1) {
    throw new Error(`CURTAIN_FAULT: expected <point>:<n> with point one of ${faultPoints.join(', ')}`);
  }
  const target = Number(match[2]);
  let reached = 0;
  return (at) => {
    if (at !== point) return;
    reached += 1;
    if (reached === target) process.kill(process.pid, 'SIGKILL');
  };
}
