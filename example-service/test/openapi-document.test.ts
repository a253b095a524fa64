import { createConfig, lintFromString } from '@redocly/openapi-core';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, describe, expect, it } from 'vitest';
import * as api from '../src/backend/api/index.js';
import { appWithSink } from './reliability/support.js';

// Issue 11, item 8: the document served at /openapi.json is complete enough to generate clients
// from. Redocly's `recommended` ruleset (what `redocly lint` runs by default) finds no problem, and
// a client typed by openapi-typescript from it compiles, its lookups typed (not `any`). The test
// builds whatever modules the service has, so the random-modules root test (which runs this suite
// over generated refs, enums, json, secret and unique fields and use cases) checks them too.

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };

const doc = appWithSink().app.locals.openapi as Doc;
const dir = mkdtempSync(join(tmpdir(), 'openapi-client-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `paths['/a']['get']['responses'][200]['content']['application/json']`; errors are `application/problem+json` (RFC 9457). */
const lookup = (path: string, method: string, status: string, type = /^[4-9]|^default$/.test(status) ? 'application/problem+json' : 'application/json'): string =>
  `paths[${JSON.stringify(path)}][${JSON.stringify(method)}]['responses'][${/^\d+$/.test(status) ? status : JSON.stringify(status)}]['content'][${JSON.stringify(type)}]`;

describe('the OpenAPI document', () => {
  it('When Redocly lints it with the recommended ruleset, then there is no error and no warning', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: join(dir, 'openapi.json'), config });
    const found = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`);
    expect(found).toEqual([]);
  });

  it('When openapi-typescript types a client from it, then the client and typed lookups of every response compile with tsc (TypeScript 7)', async () => {
    writeFileSync(join(dir, 'api.d.ts'), astToString(await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0])));
    const lines = ["import type { paths } from './api.js';", ''];
    let n = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (!/^[4-9]|^default$/.test(status)) continue;
          // Every error answer is RFC 9457 problem details, and only that.
          expect(Object.keys(response.content ?? {}), `${method} ${path} ${status}`).toEqual(['application/problem+json']);
          // It is typed as the Error body: its code is a string, never `any`; its status a number.
          lines.push(`export const code${n}: ${lookup(path, method, status)}['code'] = 'X.Y';`);
          lines.push(`export const status${n}: ${lookup(path, method, status)}['status'] = ${/^\d+$/.test(status) ? status : 500};`);
          lines.push('// @ts-expect-error the code is a string', `export const bad${n++}: ${lookup(path, method, status)}['code'] = 1;`);
        }
      }
    }
    for (const spec of Object.values(api).filter(api.isCrudModuleSpec)) {
      // The item path: `{id}`, or the route key's (`--key`).
      const item = `${spec.path}/{${api.itemParamOf(spec)}}`;
      lines.push(`export const id${n}: ${lookup(item, 'get', '200')}['id'] = 1;`);
      lines.push(`export const page${n}: ${lookup(spec.path, 'get', '200')}['items'][number]['id'] = 1;`);
      lines.push('// @ts-expect-error the id is a number', `export const badId${n++}: ${lookup(item, 'get', '200')}['id'] = '1';`);
      // The 4xx a client must handle are declared by status, not only under `default`.
      for (const method of ['get', 'patch', 'delete']) lines.push(`export const missing${n++}: ${lookup(item, method, '404')}['code'] = '${spec.scope}.NOT_FOUND';`);
      lines.push(`export const invalid${n++}: ${lookup(spec.path, 'post', '400')}['errors'] = [{ path: 'body.x', message: 'Required' }];`);
    }
    writeFileSync(join(dir, 'usage.ts'), `${lines.join('\n')}\n`);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true, noEmit: true, skipLibCheck: false, types: [], target: 'ES2023', module: 'ESNext', moduleResolution: 'bundler' },
      files: ['usage.ts'],
    }));
    // The compiler of the service's own typecheck: `tsc` from @typescript/native (TypeScript 7).
    const tsc = join(dirname(createRequire(import.meta.url).resolve('@typescript/native/package.json')), 'bin', 'tsc');
    const out = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], { encoding: 'utf8' });
    expect(`${out.stdout}${out.stderr}`).toBe('');
    expect(out.status).toBe(0);
    expect(n).toBeGreaterThan(Object.keys(doc.paths).length);
  });
});
