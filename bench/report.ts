/**
 * Writes the results table of `bench/README.md` (between its `bench:results` marker lines) from
 * `bench/results/*.json`. Run alone: `npx tsx bench/report.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/proc.js';
import { readResult, type Row } from './lib/results.js';

/** Benchmarks in report order. */
export const BENCHMARKS = ['generation', 'growth', 'http', 'logging', 'cold-start', 'built-boot'] as const;
const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/**
 * Renders the results as Markdown: one table of every row, then when and where each was measured.
 *
 * @returns the Markdown block (without the markers).
 */
export function renderResults(): string {
  const rows: Row[] = [];
  const metaLines: string[] = [];
  for (const name of BENCHMARKS) {
    const result = readResult(name);
    if (!result) {
      metaLines.push(`- \`${name}\`: no results yet`);
      continue;
    }
    rows.push(...result.rows);
    const m = result.meta;
    metaLines.push(
      `- \`${name}\`: ${m.date.slice(0, 16).replace('T', ' ')} UTC, ${m.machine}, Node ${m.node}, load average ${(m.loadavg ?? (m as { loadavgAtStart?: number[] }).loadavgAtStart ?? []).join(' / ')} (1/5/15 min, at the end), ${m.seconds} s, \`${m.command}\`${m.quick ? ' **(quick mode: not a measurement)**' : ''}`,
    );
  }
  const table = [
    '| benchmark | metric | measured median (min–max) | baseline median (min–max) | ratio | target | met |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${[r.benchmark, r.metric, r.measured, r.baseline, r.ratio, r.target, r.met].map(cell).join(' | ')} |`),
  ];
  return [...table, '', ...metaLines].join('\n');
}

/**
 * Replaces the block between the markers of `bench/README.md` with {@link renderResults}.
 *
 * @returns the README's path.
 * @throws when the README lacks the markers.
 */
export function writeReport(): string {
  const file = join(ROOT, 'bench', 'README.md');
  const text = readFileSync(file, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${file} lacks the ${START} … ${END} markers`);
  writeFileSync(file, `${text.slice(0, a + START.length)}\n${renderResults()}\n${text.slice(b)}`);
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`wrote ${writeReport()}`);
}
