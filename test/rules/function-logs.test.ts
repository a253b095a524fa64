import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, it } from 'vitest';
import scaffold from '../../checks/eslint-plugin/index.js';

// The R3 rule on its own (ESLint's RuleTester), with the patterns the templates write.
Object.assign(RuleTester, { afterAll, describe, it });
const functionLogs = scaffold.rules['function-logs'] as NonNullable<(typeof scaffold.rules)[string]>;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });
const SERVICE = '/svc/src/backend/services/invoices/invoices.service.ts';
const COMMON = '/svc/src/backend/db/common/helpers.ts';

const templateService = `
export function createInvoicesService(deps) {
  const log = moduleLogger(deps.log, 'Invoices');
  const fn = (name) => functionLogger(log, 'Invoices', name);
  return {
    create: logged(fn('create'), async (input) => deps.repo.create(input)),
    get: logged(fn('get'), async (id) => {
      const found = await deps.repo.findById(id);
      if (!found) throw new Error('missing');
      return found;
    }),
  };
}`;

tester.run('scaffold/function-logs', functionLogs, {
  valid: [
    { filename: SERVICE, code: templateService },
    { filename: '/svc/src/backend/db/invoices/invoices.prisma-repository.ts', code: templateService.replaceAll("'Invoices'", "'InvoicesDb'") },
    { filename: SERVICE, code: `export function start(root) { const log = functionLogger(moduleLogger(root, 'Invoices'), 'Invoices', 'start'); log.info('ok'); }` },
    { filename: SERVICE, code: `/** @pure */\nexport function toCents(a) { return a * 100; }` },
    { filename: SERVICE, code: `function privateHelper(x) { return x + 1; }` },
    { filename: SERVICE, code: `export function go(root) { const log = functionLogger(root, 'Invoices', 'go'); try { return 1; } catch (err) { log.error({ err }, 'failed'); throw err; } }` },
    { filename: COMMON, code: `export function describeUrl(u) { return u; }` },
    { filename: '/svc/src/backend/services/invoices/invoices.service.test.ts', code: `export function helper() { console.log('x'); }` },
    { filename: '/svc/src/other.ts', code: `export function outside() { return 1; }` },
  ],
  invalid: [
    { filename: SERVICE, code: `export function total(items) { return items.length; }`, errors: [{ messageId: 'notLogged' }] },
    {
      filename: SERVICE,
      code: `export function make() { return { total: async (x) => x }; }`,
      errors: [{ messageId: 'notLogged', data: { name: 'make' } }, { messageId: 'notLogged', data: { name: 'total' } }],
    },
    { filename: SERVICE, code: templateService.replaceAll("'Invoices'", "'Orders'"), errors: [{ messageId: 'badModule' }, { messageId: 'badModule' }] },
    { filename: SERVICE, code: templateService.replace("fn('get')", "fn('list')"), errors: [{ messageId: 'badFunction' }] },
    { filename: COMMON, code: `export function open(root) { return moduleLogger(root, 'lower'); }`, errors: [{ messageId: 'badModule' }] },
    { filename: SERVICE, code: `export function go(root) { const log = functionLogger(root, 'Invoices', 'gone'); log.info('x'); }`, errors: [{ messageId: 'badFunction' }] },
    {
      filename: SERVICE,
      code: `export function go(root) { const log = functionLogger(root, 'Invoices', 'go'); try { return 1; } catch (err) { throw err; } }`,
      errors: [{ messageId: 'unloggedThrow' }],
    },
    { filename: SERVICE, code: `/** @pure */\nexport async function load(a) { return a; }`, errors: [{ messageId: 'falsePure' }] },
    {
      filename: SERVICE,
      code: `export class Store { save(x) { return x; } }`,
      errors: [{ messageId: 'notLogged' }],
    },
  ],
});
