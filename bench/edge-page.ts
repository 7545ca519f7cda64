// Runs in the browser for bench/edge.ts: matching on the device (the edge package itself) and the client's side of
// Privacy Pass, each beside a reference measured in the same page.
import { CustomerSource, type EdgeFacts } from '../src/edge/customer-source.ts';
import type { EdgeDefinition } from '../src/edge/definitions.ts';
import { deviceInsights } from '../src/edge/device-insights.ts';
import { matchDefinitions } from '../src/edge/matcher.ts';
import { TokenRequests } from '../src/edge/tokens.ts';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** One visit's matching, from the fetched facts to the matched list: building the source is part of it. */
function matchOnce(facts: EdgeFacts, definitions: readonly EdgeDefinition[], asOf: string): number {
  // With profiling granted, so a definition's frozen model scores the customer (features and σ(w·x + b)).
  return matchDefinitions(new CustomerSource(facts), definitions, { asOf, profiling: true }).matched.length;
}

/** The customer's insights on the device (median ms of `runs`), from the same facts. */
export function benchInsights(facts: EdgeFacts, asOf: string, runs: number) {
  const times: number[] = [];
  let payments = 0;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    payments = deviceInsights(facts, { asOf, offersAllowed: true }).regularPayments.length;
    times.push(performance.now() - t);
  }
  return { insightsMs: median(times), payments };
}

/** The reference: a hand-written loop summing each definition's worth of amounts over the same rows. */
function referenceScan(facts: EdgeFacts, definitions: number): number {
  let total = 0;
  for (let d = 0; d < definitions; d++) {
    for (const t of facts.transactions)
      if (t.direction === 'D' && t.date >= '2025-01-01') total += t.amountMinor;
  }
  return total;
}

export function benchMatching(
  facts: EdgeFacts,
  definitions: readonly EdgeDefinition[],
  asOf: string,
  runs: number,
) {
  const times: number[] = [];
  const references: number[] = [];
  let matched = 0;
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    matched = matchOnce(facts, definitions, asOf);
    times.push(performance.now() - t);
    t = performance.now();
    referenceScan(facts, definitions.length);
    references.push(performance.now() - t);
  }
  return { matchMs: median(times), firstMs: times[0]!, referenceMs: median(references), matched };
}

/** Blinded requests and their finalisation per second on the device (the issuer's answers come from outside). */
export async function benchTokenRequests(epoch: string, issuerKey: string, count: number) {
  const t = performance.now();
  const requests = await TokenRequests.create(epoch, issuerKey, count);
  const ms = performance.now() - t;
  return { requests: requests.requests, perSecond: (count * 1000) / ms };
}
