import {
  functionLogger,
  logged,
  moduleLogger,
  type Logger,
  type Page,
  type PageRequest,
} from '../common/index.js';
import type { Label, LabelPatch, NewLabel } from './labels.entity.js';
import { LabelNotFoundError } from './labels.errors.js';
import type { LabelsRepository } from './labels.repository.js';
// #region hand-written imports (what the use cases' rules need; kept by regeneration)
// #endregion hand-written imports

// scaffold:usecase-types
/** The use cases of `labels`, written against the repository port only. */
export interface LabelsService {
  /**
   * Creates a label.
   *
   * @param input - the validated fields.
   * @returns the stored label.
   */
  create(input: NewLabel): Promise<Label>;
  /**
   * Reads one label.
   *
   * @param id - its id.
   * @returns the label.
   * @throws {@link LabelNotFoundError} when there is no label with that id.
   */
  get(id: number): Promise<Label>;
  /**
   * One page of labels, ascending id.
   *
   * @param page - limit and offset.
   * @returns the page.
   */
  list(page: PageRequest): Promise<Page<Label>>;
  /**
   * Changes the given fields of one label.
   *
   * @param id - its id.
   * @param patch - the fields to change.
   * @returns the updated label.
   * @throws {@link LabelNotFoundError} when there is no label with that id.
   */
  update(id: number, patch: LabelPatch): Promise<Label>;
  /**
   * Deletes one label.
   *
   * @param id - its id.
   * @throws {@link LabelNotFoundError} when there is no label with that id.
   */
  remove(id: number): Promise<void>;
  // scaffold:usecase-signatures
}

/** What the service needs: a repository (port) and the root logger. */
export interface LabelsServiceDeps {
  repo: LabelsRepository;
  log: Logger;
}

/**
 * Creates the `labels` service. Every use case logs its input, result and errors with the
 * `[Labels:function]` prefix.
 *
 * @param deps - the repository port and the root logger.
 * @returns the service.
 */
export function createLabelsService(deps: LabelsServiceDeps): LabelsService {
  const { repo } = deps;
  const log = moduleLogger(deps.log, 'Labels');
  const fn = (name: string): Logger => functionLogger(log, 'Labels', name);
  return {
    create: logged(fn('create'), async (input: NewLabel) => repo.create(input)),
    get: logged(fn('get'), async (id: number) => {
      const found = await repo.findById(id);
      if (!found) throw new LabelNotFoundError(id);
      return found;
    }),
    list: logged(fn('list'), async (page: PageRequest) => ({ ...page, items: await repo.list(page) })),
    update: logged(fn('update'), async (id: number, patch: LabelPatch) => {
      const updated = await repo.update(id, patch);
      if (!updated) throw new LabelNotFoundError(id);
      return updated;
    }),
    remove: logged(fn('remove'), async (id: number) => {
      if (!(await repo.delete(id))) throw new LabelNotFoundError(id);
    }),
    // scaffold:usecase-functions
  };
}
