import { describe, expect, it } from 'vitest';
import { renderEndpoint } from '../generators/endpoint/index.js';
import { parseFields } from '../generators/fields.js';
import type { ModuleRecord } from '../generators/manifest.js';
import { moduleNames } from '../generators/naming.js';

const record = (name: string, fields: string): ModuleRecord => ({ name, fields, migration: `20260101000000_create_${name}` });
const MODULES = [
  record('customers', 'name:string email:string!'),
  record('orders', 'customer:ref(customers) total:decimal'),
];

/** The `.http` file a module renders to, given the service's recorded modules. */
const httpFile = (name: string, fields: string, modules: ModuleRecord[]): string => {
  const names = moduleNames(name);
  const file = renderEndpoint(names, parseFields(fields, names.Entity), '20260102000000_x', modules).files.find((f) => f.path === `__http__/${name}.http`);
  return file?.content ?? '';
};

/** Request lines (`METHOD url`) and `@name` lines, in file order. */
const requests = (text: string): string[] => text.split('\n').filter((l) => /^(GET|POST|PATCH|DELETE) |^# @name /.test(l));

// Issue 9, item 2: a referencing module's .http file passes the runtime gate on its own, in any
// order the files run: it creates the rows it points at, uses their ids, and deletes them at the end.
describe('the .http file of a module with refs', () => {
  it('When orders references customers, then it creates a customer first, points at its id and deletes it after the order', () => {
    const text = httpFile('orders', 'customer:ref(customers) total:decimal', MODULES);
    expect(requests(text)).toEqual([
      '# @name parentCustomer',
      'POST {{baseUrl}}/customers',
      '# @name createdOrder',
      'POST {{baseUrl}}/orders',
      'GET {{baseUrl}}/orders?limit=20&offset=0',
      'GET {{baseUrl}}/orders/{{createdOrder.id}}',
      'PATCH {{baseUrl}}/orders/{{createdOrder.id}}',
      'DELETE {{baseUrl}}/orders/{{createdOrder.id}}',
      'DELETE {{baseUrl}}/customers/{{parentCustomer.id}}',
    ]);
    expect(text).toContain('{\n  "name": "name-1",\n  "email": "email-1"\n}');
    expect(text.match(/"customerId": \{\{parentCustomer\.id\}\}/g)).toHaveLength(2);
    expect(text).not.toMatch(/"customerId": 1/);
  });

  it('When refs chain and meet (items → orders → customers, items → customers), then each parent is created once, deepest first, and deleted in reverse', () => {
    const text = httpFile('items', 'order:ref(orders) customer:ref(customers)? qty:int', MODULES);
    expect(requests(text).filter((l) => /^(POST|DELETE) /.test(l))).toEqual([
      'POST {{baseUrl}}/customers',
      'POST {{baseUrl}}/orders',
      'POST {{baseUrl}}/items',
      'DELETE {{baseUrl}}/items/{{createdItem.id}}',
      'DELETE {{baseUrl}}/orders/{{parentOrder.id}}',
      'DELETE {{baseUrl}}/customers/{{parentCustomer.id}}',
    ]);
    expect(text).toContain('"customerId": {{parentCustomer.id}},\n  "total": "12.34"');
    expect(text).toContain('"orderId": {{parentOrder.id}},\n  "customerId": {{parentCustomer.id}},\n  "qty": 42');
  });

  it('When a module has no ref, then its file creates only its own row', () => {
    const text = httpFile('customers', 'name:string email:string!', []);
    expect(requests(text).filter((l) => /^(POST|DELETE) /.test(l))).toEqual([
      'POST {{baseUrl}}/customers',
      'DELETE {{baseUrl}}/customers/{{createdCustomer.id}}',
    ]);
  });

  it('When the referenced module is not recorded, then rendering refuses and names it', () => {
    expect(() => httpFile('orders', 'customer:ref(customers)', [])).toThrow(/module "customers", which is not recorded/);
  });
});
