import type { NewProduct } from './products.entity.js';

/** A positive number distinct on (almost) every call, for unique fields. */
const uniqueNumber = (): number => 1 + Math.floor(Math.random() * 2_000_000_000);

/**
 * Test data factory: a valid new product, with overrides.
 *
 * @param overrides - properties to replace.
 * @returns a `NewProduct` that every layer accepts.
 */
export function buildNewProduct(overrides: Partial<NewProduct> = {}): NewProduct {
  return {
    name: 'name-1',
    sku: `sku-${uniqueNumber()}`,
    price: '12.34',
    labels: [],
    ...overrides,
  };
}

/**
 * A patch that changes every field to a second valid value.
 *
 * @param overrides - properties to replace (e.g. the ids of referenced rows).
 * @returns a full patch, distinct from the values of `buildNewProduct`.
 */
export function buildOtherProduct(overrides: Partial<NewProduct> = {}): NewProduct {
  return {
    name: 'name-2',
    sku: `sku-${uniqueNumber()}`,
    price: '56.78',
    labels: [],
    ...overrides,
  };
}
