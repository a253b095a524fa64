import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { shell } from './clean-tree.js';
import { REPO_ROOT } from './workspace.js';

// Runs a Dockerfile's own steps without Docker (these machines have no daemon): every stage gets a
// folder standing for its root file system; COPY and WORKDIR paths are mapped into it, RUN lines run
// in it with `sh -c` and the stage's ENV. What this cannot show — the base image's contents, USER's
// permissions, HEALTHCHECK scheduling, PID 1 signal handling — stays recorded for the caller to
// assert on and for the README to list as not verified. An instruction it does not know fails.

/** One instruction, continuation lines joined. */
export interface Instruction {
  op: string;
  args: string;
  line: number;
}

/** What a built stage holds: its root folder and the metadata Docker would keep. */
export interface Image {
  name: string;
  base: string;
  /** The folder standing for the stage's `/`. */
  root: string;
  /** Working directory inside the image (absolute, POSIX). */
  workdir: string;
  env: Record<string, string>;
  user?: string;
  cmd?: string[];
  healthcheck?: { options: string[]; cmd: string[] };
  stopSignal?: string;
  exposed: string[];
}

/**
 * Splits a Dockerfile into instructions (comments, blank lines and parser directives dropped,
 * backslash continuations joined).
 *
 * @param text - the Dockerfile.
 * @returns the instructions in order.
 */
export function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending = '';
  let start = 0;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    if (pending === '' && (line.trim() === '' || line.trimStart().startsWith('#'))) return;
    if (pending === '') start = i + 1;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      return;
    }
    const full = (pending + line).trim();
    pending = '';
    const op = full.split(/\s+/)[0] ?? '';
    out.push({ op: op.toUpperCase(), args: full.slice(op.length).trim(), line: start });
  });
  return out;
}

/** Compiles `.dockerignore` patterns (Docker semantics: last match wins, `!` re-includes, a match on a folder covers what it holds). */
function ignoreMatcher(text: string): (path: string) => boolean {
  const rules = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      const pattern = posix.normalize((negate ? l.slice(1) : l).replace(/^\/+/, '')).replace(/\/+$/, '');
      const source = pattern.split('**').map((part) => part.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')).join('.*');
      return { negate, re: new RegExp(`^${source.replace(/\.\*\//g, '(.*/)?')}$`) };
    });
  return (path) => {
    const parts = path.split('/');
    const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    let ignored = false;
    for (const rule of rules) if (prefixes.some((p) => rule.re.test(p))) ignored = !rule.negate;
    return ignored;
  };
}

/** Every file of the build context that the ignore file lets through (relative POSIX paths). */
function contextFiles(context: string, ignoreText: string): string[] {
  const ignored = ignoreMatcher(ignoreText);
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const abs = join(dir, name);
      const rel = relative(context, abs).split('\\').join('/');
      if (rel === '.git') continue;
      if (statSync(abs).isDirectory()) walk(abs);
      else if (!ignored(rel)) out.push(rel);
    }
  };
  walk(context);
  return out;
}

/** Replaces `${NAME}` and `$NAME` with values. */
function substitute(text: string, vars: Record<string, string>): string {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (m, a: string | undefined, b: string | undefined) => vars[(a ?? b) as string] ?? m);
}

/** `KEY=value KEY2="v 2"` (or the legacy `KEY value`) → pairs. */
function parseEnv(args: string): Record<string, string> {
  if (!/^\w+=/.test(args)) {
    const [key = '', ...value] = args.split(/\s+/);
    return { [key]: value.join(' ') };
  }
  const out: Record<string, string> = {};
  for (const m of args.matchAll(/(\w+)=("([^"]*)"|\S*)/g)) out[m[1] as string] = m[3] ?? (m[2] as string);
  return out;
}

/** An exec-form JSON array (`["node", "x.js"]`); shell form is refused (signals would hit a shell). */
function execForm(args: string, where: string): string[] {
  try {
    const parsed = JSON.parse(args) as unknown;
    if (Array.isArray(parsed) && parsed.every((a) => typeof a === 'string')) return parsed;
  } catch {
    // fall through
  }
  throw new Error(`${where}: not the exec (JSON array) form: ${args}`);
}

/**
 * The Node that a `node:<version>-…` base image ships, for this machine: the npm registry's
 * `node-<platform>-<arch>@<version>` package, installed once under `<repo>/.tmp/`. Put first on
 * PATH, RUN lines and the CMD run on the image's Node rather than the machine's (native add-ons
 * such as argon2 load the prebuilt binary of that Node: the one of Node 24 crashes Node 20).
 *
 * @param version - the full Node version of the base image, e.g. `24.22.3`.
 * @returns the folder holding its `node` executable.
 * @throws {Error} when npm cannot install it.
 */
export function imageNodeBin(version: string): string {
  const pkg = `node-${process.platform}-${process.arch}`;
  const dir = join(REPO_ROOT, '.tmp', `${pkg}-${version}`);
  const bin = join(dir, 'node_modules', pkg, 'bin');
  if (!existsSync(join(bin, 'node'))) shell(`npm install --prefix "${dir}" --no-save --no-audit --no-fund --no-package-lock ${pkg}@${version}`, REPO_ROOT);
  return bin;
}

/**
 * Builds every stage of a Dockerfile into folders under `out`, running its RUN lines.
 *
 * @param opts - the Dockerfile, the build context folder, the ignore file (Docker's
 *   `<Dockerfile>.dockerignore` beside it, else `<context>/.dockerignore`), the output folder and the
 *   environment RUN lines get besides the stage's ENV (e.g. PATH).
 * @returns the stages by name; the last one is the image.
 * @throws {Error} naming the line when an instruction is unknown or a RUN line fails.
 */
export function buildImage(opts: { dockerfile: string; context: string; out: string; env: NodeJS.ProcessEnv }): { stages: Map<string, Image>; image: Image } {
  const ignorePath = [`${opts.dockerfile}.dockerignore`, join(opts.context, '.dockerignore')].find((p) => existsSync(p));
  const files = contextFiles(opts.context, ignorePath === undefined ? '' : readFileSync(ignorePath, 'utf8'));
  const globalArgs: Record<string, string> = {};
  const stages = new Map<string, Image>();
  let stage: Image | undefined;
  const inImage = (img: Image, p: string): string => join(img.root, posix.resolve(img.workdir, p));
  for (const ins of parseDockerfile(readFileSync(opts.dockerfile, 'utf8'))) {
    const where = `${opts.dockerfile}:${ins.line} ${ins.op}`;
    if (ins.op === 'ARG') {
      const [key = '', value = ''] = ins.args.split('=');
      if (stage === undefined) globalArgs[key] = value;
      continue;
    }
    if (ins.op === 'FROM') {
      const [base = '', as, name] = substitute(ins.args, globalArgs).split(/\s+/);
      const stageName = as?.toUpperCase() === 'AS' && name ? name : String(stages.size);
      stage = { name: stageName, base, root: join(opts.out, stageName), workdir: '/', env: {}, exposed: [] };
      mkdirSync(stage.root, { recursive: true });
      stages.set(stageName, stage);
      continue;
    }
    if (stage === undefined) throw new Error(`${where}: before any FROM`);
    const img: Image = stage;
    // Docker expands variables only in these instructions; RUN's shell and CMD's program see them as they are.
    const args = ['WORKDIR', 'ENV', 'COPY', 'USER', 'EXPOSE', 'STOPSIGNAL'].includes(ins.op) ? substitute(ins.args, { ...globalArgs, ...img.env }) : ins.args;
    switch (ins.op) {
      case 'WORKDIR':
        img.workdir = posix.resolve(img.workdir, args);
        mkdirSync(inImage(img, '.'), { recursive: true });
        break;
      case 'ENV':
        Object.assign(img.env, parseEnv(args));
        break;
      case 'COPY': {
        const words = args.split(/\s+/);
        const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
        const [dest = '', ...srcs] = words.filter((w) => !w.startsWith('--')).reverse();
        srcs.reverse();
        const destPath = inImage(img, dest);
        const intoDir = dest.endsWith('/') || srcs.length > 1;
        for (const src of srcs) {
          if (from !== undefined) {
            const source = stages.get(from);
            if (source === undefined) throw new Error(`${where}: no stage ${from}`);
            const abs = join(source.root, posix.resolve(source.workdir, src));
            const target = statSync(abs).isDirectory() || !intoDir ? destPath : join(destPath, posix.basename(src));
            mkdirSync(dirname(target), { recursive: true });
            cpSync(abs, target, { recursive: true, verbatimSymlinks: true });
            continue;
          }
          const prefix = posix.normalize(src).replace(/\/+$/, '');
          const matched = files.filter((f) => f === prefix || f.startsWith(`${prefix}/`) || prefix === '.');
          if (matched.length === 0) throw new Error(`${where}: ${src} is not in the build context (or ignored)`);
          for (const file of matched) {
            const target = file === prefix ? (intoDir ? join(destPath, posix.basename(file)) : destPath) : join(destPath, prefix === '.' ? file : file.slice(prefix.length + 1));
            mkdirSync(dirname(target), { recursive: true });
            cpSync(join(opts.context, file), target);
          }
        }
        break;
      }
      case 'RUN':
        shell(args, inImage(img, '.'), { ...opts.env, ...img.env });
        break;
      case 'USER':
        img.user = args;
        break;
      case 'EXPOSE':
        img.exposed.push(...args.split(/\s+/));
        break;
      case 'STOPSIGNAL':
        img.stopSignal = args;
        break;
      case 'CMD':
        img.cmd = execForm(args, where);
        break;
      case 'HEALTHCHECK': {
        const at = args.indexOf('CMD ');
        if (at < 0) throw new Error(`${where}: no CMD`);
        img.healthcheck = { options: args.slice(0, at).trim().split(/\s+/).filter(Boolean), cmd: execForm(args.slice(at + 4).trim(), where) };
        break;
      }
      default:
        throw new Error(`${where}: not supported by this runner`);
    }
  }
  if (stage === undefined) throw new Error(`${opts.dockerfile}: no FROM`);
  return { stages, image: stage };
}
