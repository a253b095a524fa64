import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { destructionOrder, planDestroy } from '../endpoint/destroy.js';
import { planAuthDestroy } from '../auth/undo.js';
import { GeneratorInputError } from '../errors.js';
import { formatManifest, MANIFEST_FILE, parseManifest, type Wire } from '../manifest.js';
import { renderTree } from '../render.js';
import { applyAll, readIfExists, type Change } from '../transaction.js';

/** Service names: lower-case words joined by dashes, 2–40 characters, e.g. `billing`, `order-sync`. */
export const SERVICE_NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Folder names a service may not take at a workspace root (tooling, conventions). */
const RESERVED_SERVICES = new Set(['node_modules', 'generators', 'templates', 'test', 'tests', 'checks', 'bench', 'docs', 'scripts', 'src', 'dist', 'build', 'coverage', 'services', 'packages', 'generated', 'tmp']);
/** What the skeleton adds to the example's files: a health test and the service's own .gitignore. */
export const SERVICE_TEMPLATES = fileURLToPath(new URL('../../templates/service', import.meta.url));
/**
 * Not part of the skeleton: the example's own service-level tests, log and traceability. The
 * vitest setup (`test/setup/`: the suite-wide leak watch) is, since vitest.config.ts names it.
 */
const EXCLUDED = [/^test\/(?!setup\/)/, /^BACKEND-LOG\.md$/, /^traceability_matrix\.json$/];
const SKIP = new Set(['node_modules', 'generated', '.data']);

/** What the `service` generator is asked to do. */
export interface ServiceRequest {
  /** Absolute workspace root: holds the `package.json` whose `workspaces` gets the new service. */
  workspaceRoot: string;
  /** Folder and package name, e.g. `billing`. */
  name: string;
  /** Absolute folder of the service whose skeleton is copied (the example service). */
  source: string;
  /** Absolute repository root (for the `check` script's path to checks/run.ts). */
  repoRoot: string;
  /** `--envelope`: the service's modules answer rows and pages under a named key (recorded as `wire`). */
  envelope?: boolean;
}

/**
 * Validates a service name.
 *
 * @param raw - the name as typed.
 * @returns the trimmed name.
 * @throws {GeneratorInputError} when empty, not lower-case dashed words of 2–40 characters, or reserved.
 */
export function serviceName(raw: string): string {
  const name = raw.trim();
  if (name === '') throw new GeneratorInputError('Service name is empty: give a name such as "billing".');
  if (!SERVICE_NAME_PATTERN.test(name) || name.length < 2 || name.length > 40) {
    throw new GeneratorInputError(`Service name "${raw}" is invalid: use 2-40 lower-case letters/digits, words joined by "-" (e.g. "billing", "order-sync").`);
  }
  if (RESERVED_SERVICES.has(name)) throw new GeneratorInputError(`Service name "${name}" is reserved: choose another name.`);
  return name;
}

/** The source's files: every file git does not ignore when it is a repository, else every file but build output. */
function sourceFiles(source: string): string[] {
  const git = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '.'], { cwd: source, encoding: 'utf8' });
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => (SKIP.has(n) ? [] : statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [relative(source, join(dir, n))]));
  const files = git.status === 0 && git.stdout.length > 0 ? git.stdout.split('\0').filter(Boolean) : walk(source);
  return files.filter((f) => existsSync(join(source, f)) && !EXCLUDED.some((re) => re.test(f)));
}

/**
 * The skeleton of a new service: the source's files with every recorded module removed the way
 * `destroy` removes one (on a scratch copy), renamed, plus the service templates.
 *
 * @param source - absolute folder of the source service.
 * @param name - the new service's name.
 * @param checkScript - path of checks/run.ts relative to the new service.
 * @param wire - the new service's wire style, recorded in its `scaffold.json`.
 * @returns path (relative to the new service) → content.
 */
export function serviceSkeleton(source: string, name: string, checkScript: string, wire: Wire = {}): Map<string, string> {
  const scratch = mkdtempSync(join(tmpdir(), 'service-skeleton-'));
  try {
    for (const file of sourceFiles(source)) {
      mkdirSync(dirname(join(scratch, file)), { recursive: true });
      writeFileSync(join(scratch, file), readFileSync(join(source, file)));
    }
    const manifest = parseManifest(readIfExists(scratch, MANIFEST_FILE));
    for (const module of destructionOrder(manifest.modules)) {
      applyAll(scratch, planDestroy({ serviceDir: scratch, name: module.name, force: true }));
    }
    if (manifest.auth) applyAll(scratch, planAuthDestroy({ serviceDir: scratch, force: true }));
    const out = new Map<string, string>();
    const walk = (dir: string): void => {
      for (const n of readdirSync(dir)) {
        if (statSync(join(dir, n)).isDirectory()) walk(join(dir, n));
        else out.set(relative(scratch, join(dir, n)).split('\\').join('/'), readFileSync(join(dir, n), 'utf8').replaceAll('example-service', name));
      }
    };
    walk(scratch);
    const pkg = JSON.parse(readFileSync(join(scratch, 'package.json'), 'utf8')) as { name: string; description?: string; scripts?: Record<string, string> };
    pkg.name = name;
    pkg.description = `Service ${name}: Express 5 + Prisma 7, built from the scaffold's generators.`;
    if (pkg.scripts) {
      delete pkg.scripts.soak;
      pkg.scripts.check = `tsx ${checkScript}`;
    }
    out.set('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
    out.set(MANIFEST_FILE, formatManifest({ ...(wire.envelope === true ? { wire } : {}), modules: [] }));
    for (const file of renderTree(SERVICE_TEMPLATES, { name }, {})) out.set(file.path, file.content);
    return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Plans the `service` generator: a new folder `<workspaceRoot>/<name>/` holding the skeleton, and
 * the name appended to the `workspaces` array of `<workspaceRoot>/package.json`. Writes nothing.
 *
 * @param request - workspace root, name, source service, repository root.
 * @returns the changes, paths relative to the workspace root.
 * @throws {GeneratorInputError} on a bad or reserved name, an existing folder, or a workspace root
 *   whose package.json has no `workspaces` array (or already lists the name).
 */
export function planService(request: ServiceRequest): Change[] {
  const name = serviceName(request.name);
  const root = resolve(request.workspaceRoot);
  if (existsSync(join(root, name))) throw new GeneratorInputError(`${join(root, name)} already exists: choose another service name.`);
  const before = readIfExists(root, 'package.json');
  const pkg = before === undefined ? undefined : (JSON.parse(before) as { workspaces?: unknown });
  if (before === undefined || !pkg || !Array.isArray(pkg.workspaces)) {
    throw new GeneratorInputError(`${join(root, 'package.json')} has no "workspaces" array: run the service generator at an npm workspace root (or pass --dest <workspace-root>).`);
  }
  if (pkg.workspaces.includes(name)) throw new GeneratorInputError(`Workspace "${name}" is already listed in ${join(root, 'package.json')}.`);
  const checkScript = relative(join(root, name), join(request.repoRoot, 'checks/run.ts')).split('\\').join('/');
  const files = serviceSkeleton(resolve(request.source), name, checkScript, request.envelope === true ? { envelope: true } : {});
  const changes: Change[] = [...files].map(([path, content]) => ({ kind: 'create', path: `${name}/${path}`, content }));
  changes.push({ kind: 'modify', path: 'package.json', before, content: addWorkspace(before, name) });
  return changes;
}

/**
 * Appends a name to the `workspaces` array of a package.json text, touching only that array.
 *
 * @param text - the package.json content.
 * @param name - the workspace to add.
 * @returns the new content (one line added when the array is multi-line).
 */
export function addWorkspace(text: string, name: string): string {
  const workspaces = [...((JSON.parse(text) as { workspaces: string[] }).workspaces), name];
  const match = /"workspaces"\s*:\s*\[([^\]]*)\]/.exec(text);
  if (match) {
    const inner = match[1] as string;
    const items = inner.replace(/\s+$/, '');
    const indent = /\n([ \t]*)\S[^\n]*$/.exec(items)?.[1];
    const added = items.trim() === '' ? `"${name}"` : indent === undefined ? `${items}, "${name}"` : `${items},\n${indent}"${name}"`;
    const content = text.replace(match[0], `"workspaces": [${added}${inner.slice(items.length)}]`);
    if (JSON.stringify((JSON.parse(content) as { workspaces: string[] }).workspaces) === JSON.stringify(workspaces)) return content;
  }
  return `${JSON.stringify({ ...(JSON.parse(text) as object), workspaces }, null, 2)}\n`;
}
