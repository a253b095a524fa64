import type { Change } from '../transaction.js';
import { readIfExists } from '../transaction.js';

/** The change log at a service root (rule R11). */
export const LOG_FILE = 'BACKEND-LOG.md';
/** Requirement id → files (rule R13). */
export const TRACE_FILE = 'traceability_matrix.json';
const LOG_HEADER = '# Backend change log\n\nOne chunk per generator run (rule R11), newest last.\n';

/** What a run tells the log about itself. */
export interface RunStory {
  /** `<generator> <args>`, e.g. `endpoint orders`; also the chunk's marker. */
  run: string;
  objective: string;
  reuse: string;
  commands: string[];
  req: string | undefined;
  /** A batch's tasks, one line each (`T1 (REQ-1): endpoint suppliers "…"`), listed under the objective. */
  tasks?: string[];
}

const layer = (path: string): 'core' | 'adapters' | 'wiring' => {
  if (path.startsWith('src/backend/services/')) return 'core';
  if (/^(src\/backend\/(db|api)\/|prisma\/|__http__\/)/.test(path)) return 'adapters';
  return 'wiring';
};

/**
 * The changes that record a run: a chunk appended to BACKEND-LOG.md and, with a requirement id,
 * the changed files added to traceability_matrix.json.
 *
 * @param serviceDir - absolute service root.
 * @param changes - the run's changes (paths relative to the service).
 * @param story - objective, reuse, commands, requirement.
 * @param now - the clock.
 * @returns the extra changes, to apply in the same transaction.
 */
export function recordRun(serviceDir: string, changes: Change[], story: RunStory, now = new Date()): Change[] {
  const paths = changes.map((c) => c.path);
  const list = (kind: ReturnType<typeof layer>): string => paths.filter((p) => layer(p) === kind).map((p) => `\`${p}\``).join(', ') || 'none';
  const chunk = [
    `<!-- scaffold-run: ${story.run} -->`,
    `## ${now.toISOString().slice(0, 19)}Z — ${story.run}`,
    '',
    `- **Objective:** ${story.objective}`,
    ...(story.tasks?.length ? ['- **Tasks:**', ...story.tasks.map((t) => `  - ${t}`)] : []),
    `- **Files changed:** ${changes.map((c) => `${c.kind} \`${c.path}\``).join(', ')}`,
    `- **Reuse:** ${story.reuse}`,
    `- **Core vs adapters:** core (framework-free): ${list('core')}; adapters (Prisma, Express, SQL, HTTP): ${list('adapters')}; wiring: ${list('wiring')}`,
    `- **Commands run:** ${story.commands.map((c) => `\`${c}\``).join('; ')}`,
    ...(story.req ? [`- **Requirement:** ${story.req}`] : []),
    '',
  ].join('\n');
  const out: Change[] = [];
  const log = readIfExists(serviceDir, LOG_FILE);
  out.push(
    log === undefined
      ? { kind: 'create', path: LOG_FILE, content: `${LOG_HEADER}\n${chunk}` }
      : { kind: 'modify', path: LOG_FILE, before: log, content: `${log.trimEnd()}\n\n${chunk}` },
  );
  if (story.req) out.push(traceChange(serviceDir, story.req, changes.filter((c) => c.kind !== 'delete').map((c) => c.path)));
  return out;
}

/**
 * The change that records files under a requirement id in traceability_matrix.json (rule R13),
 * creating the file when there is none; each id's files stay sorted, each listed once.
 *
 * @param serviceDir - absolute service root.
 * @param req - the requirement id, e.g. `REQ-12`.
 * @param paths - the files, relative to the service.
 * @returns the change to the matrix.
 */
export function traceChange(serviceDir: string, req: string, paths: string[]): Change {
  const text = readIfExists(serviceDir, TRACE_FILE);
  const matrix = text === undefined ? {} : (JSON.parse(text) as Record<string, string[]>);
  matrix[req] = [...new Set([...(matrix[req] ?? []), ...paths])].sort();
  const content = `${JSON.stringify(matrix, null, 2)}\n`;
  return text === undefined ? { kind: 'create', path: TRACE_FILE, content } : { kind: 'modify', path: TRACE_FILE, before: text, content };
}

/**
 * Undoes the records of uncommitted runs: removes the log chunks whose marker starts with one of
 * `runs` and the deleted files from the traceability matrix; a file left empty is deleted.
 *
 * @param serviceDir - absolute service root.
 * @param runs - marker prefixes, e.g. `endpoint orders`.
 * @param deleted - paths the undo deletes.
 * @returns the changes to the log and the matrix.
 */
export function forgetRuns(serviceDir: string, runs: string[], deleted: string[]): Change[] {
  const out: Change[] = [];
  const log = readIfExists(serviceDir, LOG_FILE);
  if (log !== undefined) {
    const parts = log.split(/\n(?=<!-- scaffold-run: )/);
    const kept = parts.filter((p) => !runs.some((r) => p.startsWith(`<!-- scaffold-run: ${r} `) || p.startsWith(`<!-- scaffold-run: ${r}-->`)));
    const content = kept.join('\n');
    if (content.trimEnd() === LOG_HEADER.trimEnd()) out.push({ kind: 'delete', path: LOG_FILE, before: log });
    else if (content !== log) out.push({ kind: 'modify', path: LOG_FILE, before: log, content: `${content.trimEnd()}\n` });
  }
  const text = readIfExists(serviceDir, TRACE_FILE);
  if (text !== undefined) {
    const matrix = JSON.parse(text) as Record<string, string[]>;
    const next = Object.fromEntries(
      Object.entries(matrix).map(([req, files]) => [req, files.filter((f) => !deleted.includes(f))] as const).filter(([, files]) => files.length > 0),
    );
    const content = `${JSON.stringify(next, null, 2)}\n`;
    if (Object.keys(next).length === 0) out.push({ kind: 'delete', path: TRACE_FILE, before: text });
    else if (content !== text) out.push({ kind: 'modify', path: TRACE_FILE, before: text, content });
  }
  return out;
}
