import type { NewReferral } from './referrals.entity.js';

/** A positive number distinct on (almost) every call, for unique fields. */
const uniqueNumber = (): number => 1 + Math.floor(Math.random() * 2_000_000_000);

/**
 * Test data factory: a valid new referral, with overrides.
 *
 * @param overrides - properties to replace.
 * @returns a `NewReferral` that every layer accepts.
 */
export function buildNewReferral(overrides: Partial<NewReferral> = {}): NewReferral {
  return {
    code: `code-${uniqueNumber()}`,
    referrerId: uniqueNumber(),
    referredId: 1,
    rewardedAt: new Date('2026-01-31T12:00:00.000Z'),
    ...overrides,
  };
}

/**
 * A patch that changes every field to a second valid value.
 *
 * @param overrides - properties to replace (e.g. the ids of referenced rows).
 * @returns a full patch, distinct from the values of `buildNewReferral`.
 */
export function buildOtherReferral(overrides: Partial<NewReferral> = {}): NewReferral {
  return {
    code: `code-${uniqueNumber()}`,
    referrerId: uniqueNumber(),
    referredId: 1,
    rewardedAt: new Date('2026-02-28T08:30:00.000Z'),
    ...overrides,
  };
}
