import { describe, expect, it } from 'vitest';
import { listQuery, MAX_CONTAINS_LENGTH } from './list-query.js';

const schema = listQuery({ id: 'id', total: 'decimal', paid: 'boolean', status: ['open', 'paid'], title: 'string', note: 'text', placedAt: 'datetime' });

describe('listQuery (the query of a --filters list route)', () => {
  it('When filters and a sort are given, then they become typed conditions and sort keys', () => {
    const query = schema.parse({ 'total[gte]': '9.5', paid: 'false', status: 'paid', 'title[contains]': 'Tea', 'placedAt[lte]': '2026-01-01T00:00:00Z', sort: '-total,title', limit: '5' });
    expect(query).toEqual({
      limit: 5,
      offset: 0,
      filters: [
        { field: 'total', operator: 'gte', value: '9.50' },
        { field: 'paid', operator: 'eq', value: false },
        { field: 'status', operator: 'eq', value: 'paid' },
        { field: 'title', operator: 'contains', value: 'Tea' },
        { field: 'placedAt', operator: 'lte', value: new Date('2026-01-01T00:00:00Z') },
      ],
      sort: [{ field: 'total', direction: 'desc' }, { field: 'title', direction: 'asc' }],
    });
  });

  it('When nothing is given, then the default page with no filter and no sort key', () => {
    expect(schema.parse({})).toEqual({ limit: 20, offset: 0, filters: [], sort: [] });
  });

  it.each([
    ['an unknown parameter', { colour: 'red' }],
    ['an operator the field does not take', { 'paid[gte]': 'true' }],
    ['equality on a text field', { note: 'x' }],
    ['a value of the wrong type', { 'total[gte]': 'ten' }],
    ['a value outside the enum', { status: 'lost' }],
    ['a repeated parameter', { status: ['open', 'paid'] }],
    ['an empty contains', { 'title[contains]': '' }],
    ['a contains over the bound', { 'title[contains]': 'x'.repeat(MAX_CONTAINS_LENGTH + 1) }],
    ['a sort on an unknown field', { sort: 'colour' }],
    ['a field sorted twice', { sort: 'total,-total' }],
    ['a malformed sort', { sort: '-' }],
    ['too many sort keys', { sort: 'id,total,paid,status,title' }],
  ])('When the query has %s, then it is refused', (_label, raw) => {
    expect(schema.safeParse(raw).success).toBe(false);
  });

  it('When a refs(…) field is in the list fields, then ?<field>=1,2 filters by its ids and it is never a sort key', () => {
    const linked = listQuery({ id: 'id', labels: { links: 'labelId' } });
    expect(linked.parse({ labels: '3,1' }).filters).toEqual([{ field: 'labels', operator: 'eq', value: [1, 3] }]);
    for (const raw of [{ labels: '1,1' }, { labels: 'a' }, { 'labels[gte]': '1' }, { sort: 'labels' }]) expect(linked.safeParse(raw).success, JSON.stringify(raw)).toBe(false);
  });
});
