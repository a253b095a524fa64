import type { NewDelivery } from './deliveries.entity.js';

/** A positive number distinct on (almost) every call, for unique fields. */
const uniqueNumber = (): number => 1 + Math.floor(Math.random() * 2_000_000_000);

/**
 * Test data factory: a valid new delivery, with overrides.
 *
 * @param overrides - properties to replace.
 * @returns a `NewDelivery` that every layer accepts.
 */
export function buildNewDelivery(overrides: Partial<NewDelivery> = {}): NewDelivery {
  return {
    invoiceId: 1,
    trackingCode: `trackingCode-${uniqueNumber()}`,
    recipient: 'recipient-1',
    carrier: 'post',
    weightGrams: 42,
    shippedAt: new Date('2026-01-31T12:00:00.000Z'),
    cost: '12.34',
    fragile: true,
    note: 'Some note.',
    ...overrides,
  };
}

/**
 * A patch that changes every field to a second valid value.
 *
 * @param overrides - properties to replace (e.g. the ids of referenced rows).
 * @returns a full patch, distinct from the values of `buildNewDelivery`.
 */
export function buildOtherDelivery(overrides: Partial<NewDelivery> = {}): NewDelivery {
  return {
    invoiceId: 1,
    trackingCode: `trackingCode-${uniqueNumber()}`,
    recipient: 'recipient-2',
    carrier: 'pickup',
    weightGrams: 7,
    shippedAt: new Date('2026-02-28T08:30:00.000Z'),
    cost: '56.78',
    fragile: false,
    note: 'Other note.',
    ...overrides,
  };
}
