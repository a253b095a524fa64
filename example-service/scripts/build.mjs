#!/usr/bin/env node
// `npm run build` (after `prisma generate`): bundles src/main.ts and everything it imports from this
// service — its own modules and the generated Prisma client in generated/prisma — into one ES module,
// dist/main.js, with esbuild. Every npm package stays external (`packages: 'external'`): Node loads
// express, pino, @prisma/client, pg, PGlite… from node_modules at run time, exactly as under tsx, so
// their files (wasm, workers, native lookups) keep their own paths. `npm start` then runs
// `node dist/main.js` with no TypeScript tooling installed. Why a bundle and not `tsc` emit, with the
// numbers: README.md, "Build and start".
//
// The service finds its root (prisma/migrations, .data/) as the nearest folder above its own module
// that holds package.json, so src/main.ts under tsx and dist/main.js agree.
// Type errors are not this script's business: `npm run typecheck` (the check gate) owns them.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const serviceRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// `--outdir dist/<name>`: a private bundle (the tests build their own, so parallel test files and a
// concurrent `npm run build` never share one). The service finds its root from any depth (server.ts).
const outArg = process.argv.indexOf('--outdir');
const outdir = path.resolve(serviceRoot, outArg > 0 ? (process.argv[outArg + 1] ?? '') : 'dist');
const distRoot = path.join(serviceRoot, 'dist');
if (outdir !== distRoot && !outdir.startsWith(`${distRoot}${path.sep}`)) {
  process.stderr.write(`build: --outdir must be dist or a folder inside it, got ${outdir}\n`);
  process.exit(2);
}
const started = Date.now();
rmSync(outdir, { recursive: true, force: true });
try {
  const result = await build({
    absWorkingDir: serviceRoot,
    entryPoints: ['src/main.ts'],
    outdir,
    bundle: true,
    packages: 'external',
    // Code splitting keeps each dynamic import a chunk of its own: without it esbuild inlines
    // `await import('./telemetry.js')` and hoists its packages (OpenTelemetry, gRPC) to static
    // imports of main.js, loaded at every boot even with tracing off.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'es2023',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  const main = path.relative(serviceRoot, path.join(outdir, 'main.js')).split(path.sep).join('/');
  const chunks = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
  const bytes = chunks.reduce((sum, [, output]) => sum + output.bytes, 0);
  const inputs = Object.keys(result.metafile.inputs).length;
  process.stdout.write(`build: ${main} (+ ${chunks.length - 1} chunks) ${Math.round(bytes / 1024)} kB from ${inputs} files (${Date.now() - started} ms)\n`);
} catch (err) {
  process.stderr.write(`build: failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
