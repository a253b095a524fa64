import type { NewInvoiceLine } from './invoiceLines.entity.js';

/**
 * Test data factory: a valid new invoice line, with overrides.
 *
 * @param overrides - properties to replace.
 * @returns a `NewInvoiceLine` that every layer accepts.
 */
export function buildNewInvoiceLine(overrides: Partial<NewInvoiceLine> = {}): NewInvoiceLine {
  return {
    invoiceId: 1,
    label: 'label-1',
    quantity: 42,
    unitPrice: '12.34',
    note: 'Some note.',
    ...overrides,
  };
}

/**
 * A patch that changes every field to a second valid value.
 *
 * @param overrides - properties to replace (e.g. the ids of referenced rows).
 * @returns a full patch, distinct from the values of `buildNewInvoiceLine`.
 */
export function buildOtherInvoiceLine(overrides: Partial<NewInvoiceLine> = {}): NewInvoiceLine {
  return {
    invoiceId: 1,
    label: 'label-2',
    quantity: 7,
    unitPrice: '56.78',
    note: 'Other note.',
    ...overrides,
  };
}
