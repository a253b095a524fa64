/**
 * `npm run bench`: every benchmark in turn, each writing `bench/results/<name>.json`, then the table
 * in `bench/README.md`. A failing benchmark is reported and the others still run (exit 1 at the
 * end). `BENCH_QUICK=1` for a quick pass; `BENCH_ONLY=http,logging` to run some.
 */
import { benchBuiltBoot } from './built-boot.js';
import { benchColdStart } from './cold-start.js';
import { benchGeneration } from './generation.js';
import { benchGrowth } from './growth.js';
import { benchHttp } from './http.js';
import { benchLogging } from './logging.js';
import { writeReport } from './report.js';

const suite: Record<string, () => Promise<unknown>> = {
  generation: benchGeneration,
  growth: benchGrowth,
  http: benchHttp,
  logging: benchLogging,
  'cold-start': benchColdStart,
  'built-boot': benchBuiltBoot,
};
const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
const t0 = performance.now();
let failed = 0;
for (const [name, bench] of Object.entries(suite)) {
  if (only && !only.includes(name)) continue;
  const t = performance.now();
  try {
    await bench();
    console.log(`== ${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } catch (err) {
    failed++;
    console.error(`== ${name} FAILED after ${((performance.now() - t) / 1000).toFixed(1)} s:\n${(err as Error).stack ?? String(err)}`);
  }
}
console.log(`wrote ${writeReport()}`);
console.log(`== total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
process.exitCode = failed > 0 ? 1 : 0;
