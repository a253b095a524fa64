/**
 * Benchmark 1 — generation latency. Interleaved per round: the real CLI (`npx plop endpoint`,
 * `prisma generate` included), the files phase through the same CLI path without the client
 * (bench/gen/plopfile.js), and the bare-plop floor writing as many static files
 * (bench/floor/plopfile.js). Then the whole chain to a module that passes its tests: CLI with
 * client, `tsc --noEmit` of the service, `vitest run <module>` (unit, API and database tests).
 * Run alone: `npx tsx bench/generation.ts` (BENCH_QUICK=1 for one round).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { planEndpoint } from '../generators/endpoint/index.js';
import { copyService, removeCopy } from '../test/support/workspace.js';
import { bin, QUICK, ROOT, RUNS, timeCommand } from './lib/proc.js';
import { fmt, printRows, writeResult, meta, type Row } from './lib/results.js';
import { interleave, pairedRatios, ratio, summarise } from './lib/stats.js';

/** Six fields, one of each type plus an optional one. */
export const SIX_FIELDS = 'customerEmail:string total:decimal shipped:boolean note:text? qty:int placedAt:datetime';
const NAME = 'orders';

/**
 * Writes the floor's static templates: the content of every file the real generator writes or
 * patches for one module (`{{` escaped so Handlebars copies it verbatim).
 *
 * @param dir - empty target folder.
 * @returns how many template files were written.
 */
export function writeFloorTemplates(dir: string): number {
  const service = copyService();
  try {
    const plan = planEndpoint({ serviceDir: service, name: NAME, fields: SIX_FIELDS });
    plan.changes.forEach((change, i) => {
      if (change.kind === 'delete') return;
      const file = join(dir, `${String(i).padStart(2, '0')}-${change.path.replaceAll('/', '_')}.hbs`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, change.content.replaceAll('{{', '\\{{'));
    });
    return plan.changes.length;
  } finally {
    removeCopy(service);
  }
}

/** One timed run of a CLI against a fresh service copy (or folder), cleaned up after. */
function timedOnCopy(args: (dest: string) => string[], env: Record<string, string> = {}): number {
  const service = copyService();
  try {
    return timeCommand('npx', args(service), { env });
  } finally {
    removeCopy(service);
  }
}

/**
 * Runs benchmark 1 and writes `bench/results/generation.json`.
 *
 * @returns the summary rows.
 */
export async function benchGeneration(): Promise<Row[]> {
  const t0 = performance.now();
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const tmp = mkdtempSync(join(ROOT, '.tmp', 'bench-gen-'));
  const templates = join(tmp, 'templates');
  const fileCount = writeFloorTemplates(templates);
  const floorEnv = { BENCH_FLOOR_TEMPLATES: templates };
  let floorRun = 0;
  const arms = {
    cli: () => timedOnCopy((d) => ['plop', '--dest', d, 'endpoint', NAME, SIX_FIELDS]),
    files: () => timedOnCopy((d) => ['plop', '--plopfile', 'bench/gen/plopfile.js', '--dest', d, 'endpoint', NAME, SIX_FIELDS]),
    floor: () => {
      const dest = join(tmp, `floor-${floorRun++}`);
      mkdirSync(dest);
      const ms = timeCommand('npx', ['plop', '--plopfile', 'bench/floor/plopfile.js', '--dest', dest, 'floor', NAME], { env: floorEnv });
      rmSync(dest, { recursive: true, force: true });
      return ms;
    },
  };
  try {
    console.log(`generation: ${fileCount} files per module; warm-up, then ${RUNS} interleaved rounds`);
    for (const arm of Object.values(arms)) arm(); // warm-up (disk cache, tsx cache), not recorded
    const samples = await interleave(RUNS, arms);
    const cli = summarise(samples.cli as number[]);
    const files = summarise(samples.files as number[]);
    const floor = summarise(samples.floor as number[]);
    const paired = pairedRatios(samples.files as number[], samples.floor as number[]);

    console.log(`generation: whole chain, ${RUNS} runs`);
    const chain: Record<string, number[]> = { cli: [], typecheck: [], tests: [], total: [] };
    for (let i = 0; i < RUNS; i++) {
      const service = copyService();
      try {
        const c = timeCommand('npx', ['plop', '--dest', service, 'endpoint', NAME, SIX_FIELDS]);
        const t = timeCommand(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], { cwd: service });
        const v = timeCommand(bin('vitest'), ['run', `/${NAME}/`], { cwd: service });
        for (const [k, ms] of [['cli', c], ['typecheck', t], ['tests', v], ['total', c + t + v]] as const) chain[k]?.push(ms);
      } finally {
        removeCopy(service);
      }
    }
    const chainS = Object.fromEntries(Object.entries(chain).map(([k, v]) => [k, summarise(v)]));
    const total = chainS.total as ReturnType<typeof summarise>;
    const filesRatio = ratio(files.median, floor.median);
    const rows: Row[] = [
      {
        benchmark: '1 generation',
        metric: `files phase (CLI, no client), ${fileCount} files`,
        measured: fmt(files, 'ms'),
        baseline: `${fmt(floor, 'ms')} bare plop`,
        ratio: `${filesRatio} (paired ${paired.median}, ${paired.min}–${paired.max})`,
        target: '≤ 1.7×',
        met: filesRatio <= 1.7 ? 'yes' : 'no',
      },
      {
        benchmark: '1 generation',
        metric: '`npx plop endpoint` incl. prisma generate',
        measured: fmt(cli, 'ms'),
        baseline: `${fmt(floor, 'ms')} bare plop`,
        ratio: String(ratio(cli.median, floor.median)),
        target: '—',
        met: '—',
      },
      {
        benchmark: '1 generation',
        metric: `whole chain (CLI+client ${Math.round(chainS.cli!.median)} ms, tsc ${Math.round(chainS.typecheck!.median)} ms, module tests ${Math.round(chainS.tests!.median)} ms)`,
        measured: fmt(total, 'ms'),
        baseline: '—',
        ratio: '—',
        target: '≤ 10 000 ms',
        met: total.median <= 10_000 ? 'yes' : 'no',
      },
    ];
    writeResult('generation', {
      meta: meta(t0),
      rows,
      fields: SIX_FIELDS,
      fileCount,
      samplesMs: { ...samples },
      summaries: { cli, files, floor, filesOverFloorPaired: paired },
      chain: chainS,
    });
    printRows(rows);
    return rows;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchGeneration();
  if (QUICK) console.log('(quick mode: 1 round, not a measurement)');
}
