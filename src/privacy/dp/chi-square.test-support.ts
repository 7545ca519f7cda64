// Test support only: Pearson's chi-square goodness-of-fit test for the sampler suites.
import jstat from 'jstat';

/** The tests reject a sampler when its fit is this unlikely; the seeded sources make each verdict fixed. */
export const significance = 0.001;

export interface ChiSquareResult {
  readonly statistic: number;
  readonly degreesOfFreedom: number;
  readonly pValue: number;
}

/** Observed counts against expected counts (same order, same total); every expected count should be ≥ 5. */
export function chiSquareTest(observed: readonly number[], expected: readonly number[]): ChiSquareResult {
  if (observed.length !== expected.length || observed.length < 2) {
    throw new RangeError('chiSquareTest needs two or more bins with an expectation each.');
  }
  let statistic = 0;
  observed.forEach((count, bin) => {
    const mean = expected[bin] ?? Number.NaN;
    if (!(mean >= 5)) throw new RangeError(`Bin ${bin} expects ${mean}: merge it with a neighbour.`);
    statistic += (count - mean) ** 2 / mean;
  });
  const degreesOfFreedom = observed.length - 1;
  return { statistic, degreesOfFreedom, pValue: 1 - jstat.jStat.chisquare.cdf(statistic, degreesOfFreedom) };
}

/** Counts of each value in `samples` among `0 … bins − 1` (uniform draws). */
export function tally(samples: Iterable<bigint>, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const sample of samples) counts[Number(sample)] = (counts[Number(sample)] ?? 0) + 1;
  return counts;
}
