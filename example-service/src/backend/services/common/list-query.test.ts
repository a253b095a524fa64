import { describe, expect, it } from 'vitest';
import { compareListValues, filterRows, selectRows, type ListFields } from './list-query.js';

const fields = {
  id: 'id',
  total: 'decimal',
  big: 'bigint',
  status: ['open', 'paid', 'void'],
  title: 'string',
  dueAt: 'datetime',
} as const satisfies ListFields;

interface Row { id: number; total: string; big: string; status: string; title: string; dueAt: Date | null }
const rows: Row[] = [
  { id: 1, total: '10.00', big: '9007199254740993', status: 'void', title: 'Tea', dueAt: new Date('2026-01-02T00:00:00Z') },
  { id: 2, total: '9.50', big: '9007199254740992', status: 'open', title: 'coffee', dueAt: null },
  { id: 3, total: '10.00', big: '-1', status: 'paid', title: 'green tea', dueAt: new Date('2026-01-01T00:00:00Z') },
];
const ids = (list: Row[]): number[] => list.map((row) => row.id);

describe('list queries held in memory (the in-memory adapters)', () => {
  it('When decimals, bigints and enums are sorted, then they order by value and declaration order, not as text', () => {
    expect(ids(selectRows(rows, { limit: 10, offset: 0, sort: [{ field: 'total', direction: 'asc' }] }, fields))).toEqual([2, 1, 3]);
    expect(ids(selectRows(rows, { limit: 10, offset: 0, sort: [{ field: 'big', direction: 'desc' }] }, fields))).toEqual([1, 2, 3]);
    expect(ids(selectRows(rows, { limit: 10, offset: 0, sort: [{ field: 'status', direction: 'asc' }] }, fields))).toEqual([2, 3, 1]);
  });

  it('When rows tie on every sort key, then they follow ascending id, in both directions', () => {
    expect(ids(selectRows(rows, { limit: 10, offset: 0, sort: [{ field: 'total', direction: 'desc' }] }, fields))).toEqual([1, 3, 2]);
  });

  it('When a field is NULL, then it sorts last ascending and first descending, and meets no filter', () => {
    expect(ids(selectRows(rows, { limit: 10, offset: 0, sort: [{ field: 'dueAt', direction: 'asc' }] }, fields))).toEqual([3, 1, 2]);
    expect(ids(selectRows(rows, { limit: 10, offset: 0, sort: [{ field: 'dueAt', direction: 'desc' }] }, fields))).toEqual([2, 1, 3]);
    expect(ids(filterRows(rows, [{ field: 'dueAt', operator: 'lte', value: new Date('2030-01-01T00:00:00Z') }], fields))).toEqual([1, 3]);
    expect(compareListValues('string', null, null)).toBe(0);
  });

  it('When filters are combined, then every one must hold: bounds inclusive, contains ignoring case, equality exact', () => {
    expect(ids(filterRows(rows, [{ field: 'total', operator: 'gte', value: '9.5' }, { field: 'total', operator: 'lte', value: '10' }], fields))).toEqual([1, 2, 3]);
    expect(ids(filterRows(rows, [{ field: 'title', operator: 'contains', value: 'TEA' }], fields))).toEqual([1, 3]);
    expect(ids(filterRows(rows, [{ field: 'title', operator: 'eq', value: 'tea' }], fields))).toEqual([]);
    expect(ids(filterRows(rows, [{ field: 'title', operator: 'contains', value: 'tea' }, { field: 'status', operator: 'eq', value: 'paid' }], fields))).toEqual([3]);
    expect(ids(filterRows(rows, [{ field: 'big', operator: 'gte', value: '9007199254740993' }], fields))).toEqual([1]);
  });

  it('When a page is asked for, then offset and limit slice the ordered rows', () => {
    expect(ids(selectRows(rows, { limit: 1, offset: 1, sort: [{ field: 'id', direction: 'desc' }] }, fields))).toEqual([2]);
  });

  it('When a refs(…) field is filtered, then a row is kept only when it links every id given', () => {
    const linked = [{ id: 1, labels: [1, 2] }, { id: 2, labels: [2] }, { id: 3, labels: [] }];
    const linkedIds = (picked: { id: number }[]): number[] => picked.map((row) => row.id);
    const kinds = { id: 'id', labels: { links: 'labelId' } } as const;
    expect(linkedIds(filterRows(linked, [{ field: 'labels', operator: 'eq', value: [2] }], kinds))).toEqual([1, 2]);
    expect(linkedIds(filterRows(linked, [{ field: 'labels', operator: 'eq', value: [1, 2] }], kinds))).toEqual([1]);
    expect(linkedIds(filterRows(linked, [{ field: 'labels', operator: 'eq', value: [3] }], kinds))).toEqual([]);
  });
});
