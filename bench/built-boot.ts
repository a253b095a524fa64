/**
 * Benchmark 6 — boot of the built service: a copy of the service grown to 50 generated modules
 * (52 with the example's two; files phase through the CLI, bench/gen/plopfile.js), then
 * `npm run build` (esbuild bundle, packages external) and, for the README's choice, a `tsc` emit of
 * the same sources. Boot = spawn to `/readyz` 200 on a PostgreSQL database already migrated,
 * `NODE_ENV=production`, arms interleaved: `node dist/main.js` (what `npm start` runs), `tsx
 * src/main.ts` (the dev loop, what `npm start` ran before) and `node <tsc out>/src/main.js`.
 * Run alone: `npx tsx bench/built-boot.ts` (BENCH_QUICK=1: 3 modules, one round; BENCH_MODULES=n).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyService, removeCopy } from '../test/support/workspace.js';
import { SIX_FIELDS } from './generation.js';
import { bin, freePort, QUICK, RUNS, timeCommand, timeToFirst200 } from './lib/proc.js';
import { createScratchDb, pgAvailable } from './lib/pg.js';
import { fmt, meta, printRows, writeResult, type Row } from './lib/results.js';
import { interleave, ratio, summarise } from './lib/stats.js';

const MODULES = Number(process.env.BENCH_MODULES ?? (QUICK ? 3 : 50));

/**
 * Runs benchmark 6 and writes `bench/results/built-boot.json`.
 *
 * @returns the summary rows (none without PostgreSQL).
 */
export async function benchBuiltBoot(): Promise<Row[]> {
  const t0 = performance.now();
  if (!(await pgAvailable())) {
    console.log('built boot: skipped (no PostgreSQL)');
    return [];
  }
  const service = copyService();
  const db = await createScratchDb('built');
  const tscOut = mkdtempSync(join(service, 'tsc-emit-'));
  try {
    for (let i = 1; i <= MODULES; i++) {
      timeCommand(bin('plop'), ['--plopfile', 'bench/gen/plopfile.js', '--dest', service, 'endpoint', `items${i}`, SIX_FIELDS]);
    }
    timeCommand('npm', ['run', 'build'], { cwd: service }); // prisma generate + bundle, as a user runs it
    // The bundling step alone (the client is generated once either way), the arm to compare with tsc emit.
    const buildMs = timeCommand(process.execPath, ['scripts/build.mjs'], { cwd: service });
    // The tsc arm: the same sources (no tests) emitted file by file, type-checked as tsc always does.
    writeFileSync(join(service, 'tsconfig.emit.json'), JSON.stringify({
      extends: './tsconfig.json',
      compilerOptions: { noEmit: false, incremental: false, outDir: tscOut, rootDir: '.', sourceMap: true },
      include: ['src/**/*.ts', 'generated/**/*.ts'],
      exclude: ['**/*.test.ts'],
    }));
    const tscMs = timeCommand(bin('tsc'), ['-p', 'tsconfig.emit.json'], { cwd: service });
    const env = { DATABASE_URL: db.url, HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production', MIGRATE_ON_START: 'false' };
    const boot = async (command: string, args: string[], extra: Record<string, string> = {}): Promise<number> => {
      const port = await freePort();
      return timeToFirst200(command, args, `http://127.0.0.1:${port}/readyz`, { cwd: service, env: { ...env, ...extra, PORT: String(port) } });
    };
    await boot(process.execPath, ['dist/main.js'], { MIGRATE_ON_START: 'true' }); // applies the migrations; not recorded
    console.log(`built boot: ${MODULES + 2} modules, bundling ${Math.round(buildMs)} ms, tsc emit ${Math.round(tscMs)} ms; ${RUNS} interleaved rounds`);
    const samples = await interleave(RUNS, {
      bundle: () => boot(process.execPath, ['dist/main.js']),
      tsx: () => boot(bin('tsx'), ['src/main.ts']),
      tsc: () => boot(process.execPath, [join(tscOut, 'src', 'main.js')]),
    });
    const [bundle, tsx, tsc] = [summarise(samples.bundle as number[]), summarise(samples.tsx as number[]), summarise(samples.tsc as number[])];
    const vsTsx = ratio(bundle.median, tsx.median);
    const rows: Row[] = [
      {
        benchmark: '6 built boot',
        metric: `\`node dist/main.js\` (esbuild bundle, bundling ${Math.round(buildMs)} ms) → /readyz 200 with ${MODULES + 2} modules (PostgreSQL, migrated)`,
        measured: fmt(bundle, 'ms'),
        baseline: `${fmt(tsx, 'ms')} \`tsx src/main.ts\``,
        ratio: String(vsTsx),
        target: '≤ 1000 ms and ≤ 0.5×',
        met: bundle.median <= 1000 && vsTsx <= 0.5 ? 'yes' : 'no',
      },
      {
        benchmark: '6 built boot',
        metric: `\`node <tsc emit>/src/main.js\` (tsc emit ${Math.round(tscMs)} ms) → /readyz 200, same service`,
        measured: fmt(tsc, 'ms'),
        baseline: `${fmt(bundle, 'ms')} esbuild bundle`,
        ratio: String(ratio(tsc.median, bundle.median)),
        target: '— (the build choice, README)',
        met: '—',
      },
    ];
    writeResult('built-boot', { meta: meta(t0), rows, modules: MODULES + 2, buildMs, tscMs, samplesMs: samples });
    printRows(rows);
    return rows;
  } finally {
    removeCopy(service);
    await db.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchBuiltBoot();
  if (QUICK) console.log('(quick mode: 3 modules, one round — not a measurement)');
}
