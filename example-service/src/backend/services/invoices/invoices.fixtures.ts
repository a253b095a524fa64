import type { NewInvoice } from './invoices.entity.js';

/**
 * Test data factory: a valid new invoice, with overrides.
 *
 * @param overrides - properties to replace.
 * @returns a `NewInvoice` that every layer accepts.
 */
export function buildNewInvoice(overrides: Partial<NewInvoice> = {}): NewInvoice {
  return {
    number: 'number-1',
    amount: '12.34',
    paid: true,
    dueAt: new Date('2026-01-31T12:00:00.000Z'),
    note: 'Some note.',
    ...overrides,
  };
}

/**
 * A patch that changes every field to a second valid value.
 *
 * @param overrides - properties to replace (e.g. the ids of referenced rows).
 * @returns a full patch, distinct from the values of `buildNewInvoice`.
 */
export function buildOtherInvoice(overrides: Partial<NewInvoice> = {}): NewInvoice {
  return {
    number: 'number-2',
    amount: '56.78',
    paid: false,
    dueAt: new Date('2026-02-28T08:30:00.000Z'),
    note: 'Other note.',
    ...overrides,
  };
}
