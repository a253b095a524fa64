import type { PageRequest } from '../common/index.js';
import type { Referral, ReferralFilter, ReferralPatch, NewReferral } from './referrals.entity.js';

/**
 * The repository port of `referrals`: what the core needs from storage. Adapters: the Prisma
 * repository (`db/referrals`) and the in-memory one beside this file.
 */
export interface ReferralsRepository {
  /**
   * Stores a new referral.
   *
   * @param data - its fields.
   * @returns it, with its id and timestamps.
   */
  create(data: NewReferral): Promise<Referral>;
  /**
   * Reads one referral.
   *
   * @param id - its id.
   * @returns the referral, or `null` when there is none.
   */
  findById(id: number): Promise<Referral | null>;
  /**
   * Reads one referral by its route key.
   *
   * @param code - the key's value.
   * @returns the referral, or `null` when none has it.
   */
  findByCode(code: string): Promise<Referral | null>;
  /**
   * Reads one page of referrals in ascending id order, narrowed by the filter.
   *
   * @param page - limit and offset.
   * @param filter - optional equality filters.
   * @returns the rows of the page.
   */
  list(page: PageRequest, filter?: ReferralFilter): Promise<Referral[]>;
  /**
   * Applies a patch.
   *
   * @param id - the referral's id.
   * @param patch - the fields to change.
   * @returns the updated referral, or `null` when there is none.
   */
  update(id: number, patch: ReferralPatch): Promise<Referral | null>;
  /**
   * Deletes one referral.
   *
   * @param id - its id.
   * @returns `false` when there was none.
   */
  delete(id: number): Promise<boolean>;
}
