import type { NewCustomer } from './customers.entity.js';

/**
 * Test data factory: a valid new customer, with overrides.
 *
 * @param overrides - properties to replace.
 * @returns a `NewCustomer` that every layer accepts.
 */
export function buildNewCustomer(overrides: Partial<NewCustomer> = {}): NewCustomer {
  return {
    name: 'name-1',
    email: 'email-1',
    notes: 'Some notes.',
    tier: 'standard',
    newsletter: true,
    ...overrides,
  };
}

/**
 * A patch that changes every field to a second valid value.
 *
 * @param overrides - properties to replace (e.g. the ids of referenced rows).
 * @returns a full patch, distinct from the values of `buildNewCustomer`.
 */
export function buildOtherCustomer(overrides: Partial<NewCustomer> = {}): NewCustomer {
  return {
    name: 'name-2',
    email: 'email-2',
    notes: 'Other notes.',
    tier: 'gold',
    newsletter: false,
    ...overrides,
  };
}
