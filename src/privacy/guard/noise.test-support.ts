// FOR TESTS ONLY: a noise sampler that records the scale of every draw and draws what the test says.
import type { Rational } from '../dp/rational.ts';
import type { NoiseSampler } from './noise.ts';

/**
 * Records every scale it is asked for, in order, and answers with `draw` (no noise by default). Wrap a real
 * sampler (`new RecordingNoise((s) => real.discreteLaplace(s))`) to record without changing the noise.
 */
export class RecordingNoise implements NoiseSampler {
  readonly scales: Rational[] = [];
  draw: (scale: Rational) => bigint;

  constructor(draw: (scale: Rational) => bigint = () => 0n) {
    this.draw = draw;
  }

  discreteLaplace(scale: Rational): bigint {
    this.scales.push(scale);
    return this.draw(scale);
  }

  /** The recorded scales as exact rationals' text ("16", "1/2"), in the order they were drawn. */
  recorded(): string[] {
    return this.scales.map((scale) => scale.toString());
  }

  clear(): void {
    this.scales.length = 0;
  }
}

/** A draw that answers `byScale[scale]` for the scales it names and 0 for the others. */
export function drawByScale(byScale: { readonly [scale: string]: bigint }): (scale: Rational) => bigint {
  return (scale) => byScale[scale.toString()] ?? 0n;
}
