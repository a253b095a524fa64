import {
  functionLogger,
  logged,
  moduleLogger,
  type Logger,
  type Page,
  type PageRequest,
} from '../common/index.js';
import type { Referral, ReferralFilter, ReferralPatch, NewReferral } from './referrals.entity.js';
import { ReferralNotFoundError } from './referrals.errors.js';
import type { ReferralsRepository } from './referrals.repository.js';
// #region hand-written imports (what the use cases' rules need; kept by regeneration)
// #endregion hand-written imports

// scaffold:usecase-types
/** The use cases of `referrals`, written against the repository port only. */
export interface ReferralsService {
  /**
   * Creates a referral.
   *
   * @param input - the validated fields.
   * @returns the stored referral.
   */
  create(input: NewReferral): Promise<Referral>;
  /**
   * Reads one referral.
   *
   * @param id - its id.
   * @returns the referral.
   * @throws {@link ReferralNotFoundError} when there is no referral with that id.
   */
  get(id: number): Promise<Referral>;
  /**
   * The id of the referral with this code (the item routes' key).
   *
   * @param code - the key's value.
   * @returns its id.
   * @throws {@link ReferralNotFoundError} when no referral has it.
   */
  idOf(code: string): Promise<number>;
  /**
   * One page of referrals, ascending id, narrowed by the filter.
   *
   * @param page - limit and offset.
   * @param filter - optional equality filters.
   * @returns the page.
   */
  list(page: PageRequest, filter?: ReferralFilter): Promise<Page<Referral>>;
  /**
   * Changes the given fields of one referral.
   *
   * @param id - its id.
   * @param patch - the fields to change.
   * @returns the updated referral.
   * @throws {@link ReferralNotFoundError} when there is no referral with that id.
   */
  update(id: number, patch: ReferralPatch): Promise<Referral>;
  /**
   * Deletes one referral.
   *
   * @param id - its id.
   * @throws {@link ReferralNotFoundError} when there is no referral with that id.
   */
  remove(id: number): Promise<void>;
  // scaffold:usecase-signatures
}

/** What the service needs: a repository (port) and the root logger. */
export interface ReferralsServiceDeps {
  repo: ReferralsRepository;
  log: Logger;
}

/**
 * Creates the `referrals` service. Every use case logs its input, result and errors with the
 * `[Referrals:function]` prefix.
 *
 * @param deps - the repository port and the root logger.
 * @returns the service.
 */
export function createReferralsService(deps: ReferralsServiceDeps): ReferralsService {
  const { repo } = deps;
  const log = moduleLogger(deps.log, 'Referrals');
  const fn = (name: string): Logger => functionLogger(log, 'Referrals', name);
  return {
    create: logged(fn('create'), async (input: NewReferral) => repo.create(input)),
    get: logged(fn('get'), async (id: number) => {
      const found = await repo.findById(id);
      if (!found) throw new ReferralNotFoundError(id);
      return found;
    }),
    idOf: logged(fn('idOf'), async (code: string) => {
      const found = await repo.findByCode(code);
      if (!found) throw new ReferralNotFoundError(code);
      return found.id;
    }),
    list: logged(fn('list'), async (page: PageRequest, filter: ReferralFilter = {}) => ({
      ...page,
      items: await repo.list(page, filter),
    })),
    update: logged(fn('update'), async (id: number, patch: ReferralPatch) => {
      const updated = await repo.update(id, patch);
      if (!updated) throw new ReferralNotFoundError(id);
      return updated;
    }),
    remove: logged(fn('remove'), async (id: number) => {
      if (!(await repo.delete(id))) throw new ReferralNotFoundError(id);
    }),
    // scaffold:usecase-functions
  };
}
