/** Median, min and max of a series of measurements (ms, req/s, …), plus the raw samples. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
  samples: number[];
}

/**
 * Summarises samples: the median (mean of the two middle values for an even count), min and max.
 *
 * @param samples - at least one finite number.
 * @returns the summary, values rounded to 2 decimals; samples kept in measurement order.
 * @throws RangeError when `samples` is empty or holds a non-finite number.
 */
export function summarise(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new RangeError('no samples');
  if (samples.some((s) => !Number.isFinite(s))) throw new RangeError(`non-finite sample in ${samples.join(',')}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return {
    median: round(median),
    min: round(sorted[0] as number),
    max: round(sorted.at(-1) as number),
    n: samples.length,
    samples: samples.map(round),
  };
}

/**
 * The ratio of two medians, measured / baseline, rounded to 3 decimals.
 *
 * @param measured - the measured median.
 * @param baseline - the baseline median (must be > 0).
 * @returns measured ÷ baseline.
 * @throws RangeError when the baseline is not positive.
 */
export function ratio(measured: number, baseline: number): number {
  if (!(baseline > 0)) throw new RangeError(`baseline must be > 0, got ${baseline}`);
  return Math.round((measured / baseline) * 1000) / 1000;
}

/**
 * Per-run ratios of paired samples (run i of A against run i of B, measured side by side), summarised:
 * robust to the machine's load drifting during the benchmark.
 *
 * @param measured - samples of the measured arm.
 * @param baseline - samples of the baseline arm, same length.
 * @returns the summary of measured[i] / baseline[i].
 * @throws RangeError when the lengths differ or a baseline sample is not positive.
 */
export function pairedRatios(measured: readonly number[], baseline: readonly number[]): Summary {
  if (measured.length !== baseline.length) throw new RangeError('paired series differ in length');
  if (baseline.some((b) => !(b > 0))) throw new RangeError('baseline samples must be > 0');
  return summarise(measured.map((m, i) => m / (baseline[i] as number)));
}

/**
 * Runs arms interleaved — A B C A B C … — `runs` times, so load changes hit every arm alike.
 *
 * @param runs - rounds (≥ 1).
 * @param arms - named async measurements, each returning one sample.
 * @returns samples per arm name, in run order.
 */
export async function interleave(
  runs: number,
  arms: Record<string, (round: number) => Promise<number> | number>,
): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = Object.fromEntries(Object.keys(arms).map((k) => [k, []]));
  for (let round = 0; round < runs; round++) {
    for (const [name, arm] of Object.entries(arms)) {
      (out[name] as number[]).push(await arm(round));
    }
  }
  return out;
}

/**
 * Least-squares slope exponent of y against x on log–log axes: ≈1 means linear growth, >1 faster.
 *
 * @param points - `[x, y]` pairs with x, y > 0 (at least two distinct x).
 * @returns the exponent k in y ≈ c·x^k, rounded to 2 decimals.
 * @throws RangeError with fewer than two points or a non-positive value.
 */
export function growthExponent(points: readonly (readonly [number, number])[]): number {
  if (points.length < 2) throw new RangeError('need at least two points');
  if (points.some(([x, y]) => !(x > 0 && y > 0))) throw new RangeError('values must be > 0');
  const xs = points.map(([x]) => Math.log(x));
  const ys = points.map(([, y]) => Math.log(y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((acc, x, i) => acc + (x - mx) * ((ys[i] as number) - my), 0);
  const den = xs.reduce((acc, x) => acc + (x - mx) ** 2, 0);
  if (den === 0) throw new RangeError('need at least two distinct x');
  return round(num / den);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
