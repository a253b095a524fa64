import type { NewPlan } from './plans.entity.js';

/** A positive number distinct on (almost) every call, for unique fields. */
const uniqueNumber = (): number => 1 + Math.floor(Math.random() * 2_000_000_000);

/**
 * Test data factory: a valid new plan, with overrides.
 *
 * @param overrides - properties to replace.
 * @returns a `NewPlan` that every layer accepts.
 */
export function buildNewPlan(overrides: Partial<NewPlan> = {}): NewPlan {
  return {
    title: 'title-1',
    slug: `slug-${uniqueNumber()}`,
    price: '12.34',
    description: 'Some description.',
    ...overrides,
  };
}

/**
 * A patch that changes every field to a second valid value.
 *
 * @param overrides - properties to replace (e.g. the ids of referenced rows).
 * @returns a full patch, distinct from the values of `buildNewPlan`.
 */
export function buildOtherPlan(overrides: Partial<NewPlan> = {}): NewPlan {
  return {
    title: 'title-2',
    slug: `slug-${uniqueNumber()}`,
    price: '56.78',
    description: 'Other description.',
    ...overrides,
  };
}
