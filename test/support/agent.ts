import { expect } from 'vitest';
import { readTree, run } from './workspace.js';

/** The R14 result every generator prints with `--json`; `plan` only with `--dry-run`. */
export interface GeneratorResult {
  status: string;
  files_changed: string[];
  errors: string[];
  next_action: string;
  plan?: { kind: string; path: string; added: string[] }[];
}

/**
 * Runs `npx plop --dest <dest> <args…> --json` with no TTY, as an agent does, and asserts that
 * stdout is exactly one JSON line.
 *
 * @param dest - the service (or workspace root) the generator targets.
 * @param args - generator name and its arguments.
 * @param env - extra environment variables (test hooks).
 * @returns the exit code and the parsed result.
 */
export function plopJson(dest: string, args: string[], env: Record<string, string> = {}): { status: number | null; json: GeneratorResult } {
  const result = run('npx', ['plop', '--dest', dest, ...args, '--json'], undefined, env);
  const lines = result.stdout.trim().split('\n');
  expect(lines, `${args.join(' ')}\n${result.stdout}${result.stderr}`).toHaveLength(1);
  return { status: result.status, json: JSON.parse(lines[0] ?? '') as GeneratorResult };
}

/**
 * Asserts a refusal: exit 2, status `refused`, no file changed, an error matching `message`,
 * and the tree under `dir` byte for byte as before.
 *
 * @param dir - the folder that must stay unchanged.
 * @param dest - the `--dest` of the run.
 * @param args - generator name and its arguments.
 * @param message - what the error must say.
 */
export function expectRefused(dir: string, dest: string, args: string[], message: RegExp): void {
  const before = readTree(dir);
  const { status, json } = plopJson(dest, args);
  expect(status, JSON.stringify(json)).toBe(2);
  expect(json.status).toBe('refused');
  expect(json.files_changed).toEqual([]);
  expect(json.errors.join('\n')).toMatch(message);
  expect(readTree(dir)).toEqual(before);
}
