import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, copyService, readTree, removeCopy, run } from './support/workspace.js';

// Runs the real CLI (`npx plop`, no TTY) against a copy of the example service, then typechecks
// the copy and runs the new module's unit, API and database tests there.
describe('npx plop endpoint (no TTY)', () => {
  let service: string;
  beforeAll(() => {
    service = copyService();
  });
  afterAll(() => removeCopy(service));

  const plop = (...args: string[]) => run('npx', ['plop', '--dest', service, 'endpoint', ...args]);

  it.each([
    ['../x', 'amount:int', /Module name "\.\.\/x" is invalid/],
    ['class', 'amount:int', /"class" is a reserved word/],
    ['pages', 'title:string', /entity Page, a type of the service's core/],
    ['', 'amount:int', /Module name is empty/],
    ['payments', 'amount:money', /Field type "money" in "amount:money" is unknown/],
    ['payments', 'amount', /Field "amount" is malformed/],
  ])('When the name is %j and the fields %j, then it refuses, exits non-zero and writes nothing', (name, fields, message) => {
    const before = readTree(service);
    const result = plop(name, fields);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(message);
    expect(readTree(service)).toEqual(before);
  });

  it('When an argument is missing and there is no TTY, then it refuses instead of prompting', () => {
    const before = readTree(service);
    const result = plop('payments');
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/Missing "fields" and no terminal/);
    expect(readTree(service)).toEqual(before);
  });

  it('When the input is valid, then the module is written, typechecks and passes its own tests', () => {
    const result = plop('invoices2', 'number:string amount:int paid:boolean note:text?');
    expect(result.stderr + result.stdout).not.toMatch(/ERROR/);
    expect(result.status).toBe(0);
    for (const file of [
      'src/backend/services/invoices2/invoices2.service.ts',
      'src/backend/services/invoices2/invoices2.repository.ts',
      'src/backend/services/invoices2/invoices2.memory-repository.ts',
      'src/backend/services/invoices2/invoices2.service.test.ts',
      'src/backend/db/invoices2/invoices2.prisma',
      'src/backend/db/invoices2/invoices2.prisma-repository.ts',
      'src/backend/db/invoices2/invoices2.prisma-repository.test.ts',
      'src/backend/api/invoices2/invoices2.schemas.ts',
      'src/backend/api/invoices2/invoices2.router.ts',
      'src/backend/api/invoices2/invoices2.router.test.ts',
      '__http__/invoices2.http',
      'generated/prisma/models/Invoices2.ts',
    ]) {
      expect(existsSync(join(service, file)), file).toBe(true);
    }
    const again = plop('invoices2', 'number:string');
    expect(again.status).not.toBe(0);
    expect(again.stdout + again.stderr).toMatch(/collides|already exists/);

    const typecheck = run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], service);
    expect(typecheck.stdout).not.toMatch(/error TS/);
    expect(typecheck.status).toBe(0);

    const tests = run(bin('vitest'), ['run', 'invoices2'], service);
    expect(tests.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(/Test Files\s+3 passed/);
    expect(tests.status).toBe(0);
  });
});
