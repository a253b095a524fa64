import type { NewLabel } from './labels.entity.js';

/** A positive number distinct on (almost) every call, for unique fields. */
const uniqueNumber = (): number => 1 + Math.floor(Math.random() * 2_000_000_000);

/**
 * Test data factory: a valid new label, with overrides.
 *
 * @param overrides - properties to replace.
 * @returns a `NewLabel` that every layer accepts.
 */
export function buildNewLabel(overrides: Partial<NewLabel> = {}): NewLabel {
  return {
    name: `name-${uniqueNumber()}`,
    color: 'color-1',
    ...overrides,
  };
}

/**
 * A patch that changes every field to a second valid value.
 *
 * @param overrides - properties to replace (e.g. the ids of referenced rows).
 * @returns a full patch, distinct from the values of `buildNewLabel`.
 */
export function buildOtherLabel(overrides: Partial<NewLabel> = {}): NewLabel {
  return {
    name: `name-${uniqueNumber()}`,
    color: 'color-2',
    ...overrides,
  };
}
