import type { PageRequest } from '../common/index.js';
import type { Label, LabelPatch, NewLabel } from './labels.entity.js';

/**
 * The repository port of `labels`: what the core needs from storage. Adapters: the Prisma
 * repository (`db/labels`) and the in-memory one beside this file.
 */
export interface LabelsRepository {
  /**
   * Stores a new label.
   *
   * @param data - its fields.
   * @returns it, with its id and timestamps.
   */
  create(data: NewLabel): Promise<Label>;
  /**
   * Reads one label.
   *
   * @param id - its id.
   * @returns the label, or `null` when there is none.
   */
  findById(id: number): Promise<Label | null>;
  /**
   * Reads one page of labels in ascending id order.
   *
   * @param page - limit and offset.
   * @returns the rows of the page.
   */
  list(page: PageRequest): Promise<Label[]>;
  /**
   * Applies a patch.
   *
   * @param id - the label's id.
   * @param patch - the fields to change.
   * @returns the updated label, or `null` when there is none.
   */
  update(id: number, patch: LabelPatch): Promise<Label | null>;
  /**
   * Deletes one label.
   *
   * @param id - its id.
   * @returns `false` when there was none.
   */
  delete(id: number): Promise<boolean>;
}
