#!/usr/bin/env node
// Runs `prisma generate` offline (the workspace's postinstall, and `npm run generate`).
//
// Every Prisma 7 CLI command first downloads the native schema-engine binary, which this machine
// cannot reach. `generate` never runs that binary, so PRISMA_SCHEMA_ENGINE_BINARY pointing at any
// executable (node itself) skips the download. The generated client lands in generated/prisma
// (git-ignored). A schema with no model yet is fine: the client is generated without models.
//
// Skipped when the client in generated/prisma was generated from the same schema files, config and
// Prisma version (a stamp file holds their hash); PRISMA_GENERATE_FORCE=1 regenerates anyway.
//
// Quiet on success (one summary line); on failure prints the CLI's whole output and exits non-zero.
// A production install (dev dependencies omitted: no prisma CLI) skips it: dist/main.js holds the client.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TIMEOUT_MS = 120_000;
const serviceRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function fail(message, output = '') {
  if (output) process.stderr.write(output.endsWith('\n') ? output : `${output}\n`);
  process.stderr.write(`prisma-generate: ${message}\n`);
  process.exit(1);
}

function resolveCli() {
  const require = createRequire(path.join(serviceRoot, 'package.json'));
  let manifestPath;
  try {
    manifestPath = require.resolve('prisma/package.json');
  } catch {
    // A production install (`npm ci --omit=dev`, e.g. in a container) has no prisma CLI and needs
    // no client: `npm run build` bundled it into dist/main.js.
    if (/\bdev\b/.test(process.env.npm_config_omit ?? '') || process.env.NODE_ENV === 'production') {
      const built = existsSync(path.join(serviceRoot, 'dist', 'main.js'));
      process.stdout.write(`prisma-generate: production install, skipped (${built ? 'dist/main.js holds the client' : 'no dist/main.js yet: run `npm run build` with dev dependencies'})\n`);
      process.exit(0);
    }
    fail('the `prisma` package is not installed (it is a devDependency of example-service); run `npm ci` with dev dependencies.');
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin.prisma;
  return { cli: path.join(path.dirname(manifestPath), bin), version: manifest.version };
}

/** Hash of everything `prisma generate` reads: Prisma's version, the config and every *.prisma file. */
function schemaHash(version) {
  const hash = createHash('sha256').update(`prisma ${version}\n`);
  const schemaDir = path.join(serviceRoot, 'src', 'backend', 'db');
  const files = readdirSync(schemaDir, { recursive: true }).filter((f) => f.endsWith('.prisma')).sort();
  for (const file of ['prisma.config.ts', ...files.map((f) => path.join('src', 'backend', 'db', f))]) {
    hash.update(`${file}\n`).update(readFileSync(path.join(serviceRoot, file))).update('\n');
  }
  return hash.digest('hex');
}

const { cli, version } = resolveCli();
const stampFile = path.join(serviceRoot, 'generated', 'prisma', '.schema-hash');
const hash = schemaHash(version);
const upToDate = existsSync(path.join(serviceRoot, 'generated', 'prisma', 'client.ts')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash;
if (upToDate && process.env.PRISMA_GENERATE_FORCE !== '1') {
  process.stdout.write('prisma-generate: client up to date (schema unchanged), skipped\n');
  process.exit(0);
}
const started = Date.now();
const child = spawn(process.execPath, [cli, 'generate'], {
  cwd: serviceRoot,
  stdio: ['ignore', 'pipe', 'pipe'],
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    NO_COLOR: '1',
  },
});
let output = '';
child.stdout.on('data', (chunk) => (output += chunk));
child.stderr.on('data', (chunk) => (output += chunk));
const timer = setTimeout(() => {
  child.kill('SIGKILL');
  fail(`prisma ${version} generate did not finish within ${TIMEOUT_MS / 1000} s`, output);
}, TIMEOUT_MS);
child.on('error', (err) => fail(`could not start prisma: ${err.message}`, output));
child.on('close', (code, signal) => {
  clearTimeout(timer);
  if (code !== 0) fail(`prisma ${version} generate failed (${signal ?? `exit ${code}`})`, output);
  writeFileSync(stampFile, hash);
  const generated = /Generated Prisma Client[^\n]*/.exec(output)?.[0]?.replace(/^\W+/, '');
  process.stdout.write(`prisma-generate: ${generated ?? `prisma ${version} generate ok`} (${Date.now() - started} ms)\n`);
});
