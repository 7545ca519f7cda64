// Runs what has come due, once a minute: approved campaigns whose start has come, notices held by quiet hours,
// and, once a day, retention and the customers' insight messages.
import type { HubService } from '../hub/hub-service.ts';
import type { DeliveryService } from '../vault/delivery/delivery-service.ts';
import type { RetentionService } from '../vault/compliance/retention.ts';
import type { InsightsService } from '../vault/insights/insights-service.ts';

/** The hub staff handle the scheduler acts as (an operator); every run it starts is logged under it. */
export const schedulerHandle = 'scheduler';

export interface SchedulerLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface Scheduler {
  /** Runs one round now (also what each tick does); rounds never overlap. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The insights' daily round: the first call of each UTC day sends every customer whose frequency choice allows a
 * message (the service checks each one's choice and last message); later calls that day do nothing. Logs no count.
 */
export function dailyInsights(
  insights: Pick<InsightsService, 'sendDue'>,
  log: SchedulerLog,
  now: () => Date = () => new Date(),
): () => Promise<void> {
  let done: string | undefined;
  return async () => {
    const day = now().toISOString().slice(0, 10);
    if (day === done) return;
    try {
      await insights.sendDue();
      done = day;
      log.info({ day }, 'insights round');
    } catch (error) {
      log.error({ err: error }, 'insights round failed');
    }
  };
}

export async function startScheduler(
  hub: HubService,
  delivery: Pick<DeliveryService, 'sendDueNotices'>,
  log: SchedulerLog,
  intervalMs = 60_000,
  retention?: Pick<RetentionService, 'runIfDue'>,
  insights?: () => Promise<void>,
): Promise<Scheduler> {
  await hub.addStaff(schedulerHandle, ['operator']);
  let round: Promise<void> = Promise.resolve();
  const runRound = async () => {
    try {
      for (const run of await hub.runDue(schedulerHandle)) {
        if (run.outcome.ok) {
          const { campaign, refusal } = run.outcome.value;
          log.info(
            { campaign: run.campaignId, status: campaign.status, refusal: refusal?.code },
            'campaign run',
          );
        } else {
          log.error(
            { campaign: run.campaignId, code: run.outcome.error.code, reason: run.outcome.error.message },
            'campaign run failed',
          );
        }
      }
      // How many notices went out is a count of customers a delivery selected: it is not logged.
      const { sent, retrying, failed } = await delivery.sendDueNotices();
      if (sent + retrying + failed > 0) log.info({}, 'due notices handled');
    } catch (error) {
      log.error({ err: error }, 'scheduler round failed');
    }
    try {
      const report = await retention?.runIfDue();
      if (report !== undefined) log.info({ run: report.runId, removed: report.removed }, 'retention run');
    } catch (error) {
      log.error({ err: error }, 'retention run failed');
    }
    await insights?.();
  };
  const tick = () => {
    round = round.then(runRound);
    return round;
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await round;
    },
  };
}
