import { describe, expect, it } from 'vitest';
import { parseFields } from '../generators/fields.js';
import { moduleNames } from '../generators/naming.js';
import { patchAtMarkers } from '../generators/endpoint/index.js';

describe('moduleNames', () => {
  it('derives every spelling from a plural camelCase name', () => {
    expect(moduleNames('lineItems')).toMatchObject({
      name: 'lineItems', Plural: 'LineItems', Entity: 'LineItem', entity: 'lineItem',
      SCOPE: 'LINE_ITEM', route: 'line-items', table: 'line_items', aWords: 'a line item',
    });
    expect(moduleNames('invoices')).toMatchObject({ Entity: 'Invoice', SCOPE: 'INVOICE', aWords: 'an invoice' });
  });
  it.each([
    ['', /empty/],
    ['../x', /invalid/],
    ['a/b', /invalid/],
    ['Invoices', /invalid/],
    ['x', /invalid/],
    ['class', /reserved/],
    ['constructor', /reserved/],
    ['common', /reserved/],
  ])('refuses %j', (raw, message) => {
    expect(() => moduleNames(raw)).toThrow(message);
  });
});

describe('parseFields', () => {
  it('parses every type and the optional marker', () => {
    const fields = parseFields('number:string amount:int total:decimal paid:boolean note:text? due:datetime');
    expect(fields.map((f) => [f.name, f.type, f.optional])).toEqual([
      ['number', 'string', false], ['amount', 'int', false], ['total', 'decimal', false],
      ['paid', 'boolean', false], ['note', 'text', true], ['due', 'datetime', false],
    ]);
    expect(fields[4]?.sql).toBe('"note" TEXT');
    expect(fields[1]?.sql).toBe('"amount" INTEGER NOT NULL');
    expect(fields[4]?.prismaLines).toEqual(['note String?']);
  });
  it('When a json field is optional, then it is a nullable JSONB written as Prisma.DbNull when null (issue 9, item 10)', () => {
    const [meta] = parseFields('meta:json?');
    expect(meta?.optional).toBe(true);
    expect(meta?.sql).toBe('"meta" JSONB');
    expect(meta?.prismaLines).toEqual(['meta Json?']);
    expect(meta?.tsProperty).toBe('meta: { [key: string]: unknown } | null');
    expect(meta?.zod).toBe('jsonObject.nullable().optional()');
    expect(meta?.toCreate).toBe('data.meta === null ? Prisma.DbNull : data.meta === undefined ? undefined : data.meta as Prisma.InputJsonObject');
    expect(meta?.memoryValue).toBe('data.meta ?? null');
  });
  it.each([
    ['', /No fields/],
    ['amount:money', /type "money".*unknown/],
    ['amount', /malformed/],
    ['id:int', /reserved/],
    ['Amount:int', /invalid/],
    ['a:int a:text', /twice/],
  ])('refuses %j', (spec, message) => {
    expect(() => parseFields(spec)).toThrow(message);
  });
});

describe('patchAtMarkers', () => {
  const file = 'a\n  // scaffold:x\nb\n';
  it('inserts above the marker with its indentation', () => {
    expect(patchAtMarkers('f', file, [['// scaffold:x', ['one', 'two']]])).toBe('a\n  one\n  two\n  // scaffold:x\nb\n');
  });
  it('refuses a missing marker and a line already present', () => {
    expect(() => patchAtMarkers('f', 'a\n', [['// scaffold:x', ['one']]])).toThrow(/marker/);
    expect(() => patchAtMarkers('f', '  one\n// scaffold:x\n', [['// scaffold:x', ['one']]])).toThrow(/already/);
  });
});
