import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { QUICK, ROOT, RUNS } from './proc.js';

/** Folder of the results files. */
export const RESULTS_DIR = join(ROOT, 'bench', 'results');

/** One line of the summary table: a measured median against its baseline and target. */
export interface Row {
  benchmark: string;
  metric: string;
  /** Measured median, with its unit. */
  measured: string;
  /** Baseline median (or `—`). */
  baseline: string;
  /** Ratio of medians (or `—`). */
  ratio: string;
  target: string;
  /** `yes`, `no`, or `—` when there is no target. */
  met: string;
}

/** Where and how a result was measured. */
export interface Meta {
  date: string;
  machine: string;
  node: string;
  command: string;
  quick: boolean;
  runs: number;
  /** 1, 5 and 15 min load averages when the result was written. */
  loadavg: number[];
  seconds: number;
}

/**
 * Describes the machine and run, for the results files.
 *
 * @param startedAt - `performance.now()` when the benchmark began.
 * @returns the metadata.
 */
export function meta(startedAt: number): Meta {
  const cpu = cpus();
  return {
    date: new Date().toISOString(),
    machine: `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${process.platform} ${process.arch}`,
    node: process.version,
    command: `${QUICK ? 'BENCH_QUICK=1 ' : ''}tsx ${process.argv.slice(1).map((a) => a.replace(ROOT, '')).join(' ')}`,
    quick: QUICK,
    runs: RUNS,
    loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
    seconds: Math.round((performance.now() - startedAt) / 100) / 10,
  };
}

/**
 * Writes `bench/results/<name>.json` atomically (through a `.tmp` file).
 *
 * @param name - benchmark name, e.g. `generation`.
 * @param data - its results: `meta`, `rows` and raw data.
 * @returns the file's path.
 */
export function writeResult(name: string, data: { meta: Meta; rows: Row[]; [key: string]: unknown }): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.json`);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(data, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  return file;
}

/**
 * Reads a results file written by {@link writeResult}.
 *
 * @param name - benchmark name.
 * @returns its content, or undefined when it does not exist.
 */
export function readResult(name: string): { meta: Meta; rows: Row[] } | undefined {
  try {
    return JSON.parse(readFileSync(join(RESULTS_DIR, `${name}.json`), 'utf8')) as { meta: Meta; rows: Row[] };
  } catch {
    return undefined;
  }
}

/**
 * Formats a median with min–max, e.g. `1234 ms (1100–1500)`.
 *
 * @param s - a summary.
 * @param unit - unit label.
 * @param digits - decimals to show.
 * @returns the text.
 */
export function fmt(s: { median: number; min: number; max: number }, unit: string, digits = 0): string {
  const f = (v: number): string => v.toFixed(digits);
  return `${f(s.median)} ${unit} (${f(s.min)}–${f(s.max)})`;
}

/**
 * Prints rows as a compact table on stdout.
 *
 * @param rows - the rows.
 */
export function printRows(rows: Row[]): void {
  for (const r of rows) {
    console.log(`  ${r.benchmark} | ${r.metric} | ${r.measured} | base ${r.baseline} | ratio ${r.ratio} | ${r.target} | met: ${r.met}`);
  }
}
