import { Secret } from '../common/index.js';
import type { CustomerPatch, NewCustomer, NewCustomerRecord } from './customers.entity.js';

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
    accessKey: new Secret('accessKey fixture secret 1'),
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
    accessKey: new Secret('accessKey fixture secret 2'),
    ...overrides,
  };
}

/** A stand-in hash (`hash:<value>`, the fake hasher's format of `auth.fixtures.ts`). */
const fakeHash = (value: Secret): Secret => new Secret(`hash:${value.reveal()}`);

/**
 * What the repository stores for a fixture: each secret field as a stand-in hash (repository
 * tests store it as given; only the service hashes).
 *
 * @param input - a fixture from `buildNewCustomer` or `buildOtherCustomer`.
 * @returns the repository's create input.
 */
export function asCustomerRecord({ accessKey, ...values }: NewCustomer): NewCustomerRecord {
  return {
    ...values,
    accessKeyHash: accessKey == null ? accessKey : fakeHash(accessKey),
  };
}

/**
 * A fixture as a client sends it: secret fields in clear (a `Secret` serialises as `[redacted]`).
 *
 * @param input - a fixture or a patch.
 * @returns the JSON body.
 */
export function customerBody(input: CustomerPatch): Record<string, unknown> {
  return {
    ...input,
    accessKey: input.accessKey == null ? input.accessKey : input.accessKey.reveal(),
  };
}

/**
 * What an answer shows of a fixture: every field but the secret ones, which no answer holds.
 *
 * @param input - a fixture or a patch.
 * @returns the fixture without its secret fields.
 */
export function withoutCustomerSecrets(input: CustomerPatch): Omit<CustomerPatch, 'accessKey'> {
  const { accessKey: _accessKey, ...rest } = input;
  return rest;
}
