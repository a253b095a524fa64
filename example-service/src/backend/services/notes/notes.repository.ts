import type { PageRequest } from '../common/index.js';
import type { Note, NoteFilter, NotePatch, NewNote } from './notes.entity.js';

/**
 * The repository port of `notes`: what the core needs from storage. Adapters: the Prisma
 * repository (`db/notes`) and the in-memory one beside this file.
 */
export interface NotesRepository {
  /**
   * Stores a new note.
   *
   * @param data - its fields.
   * @returns it, with its id and timestamps.
   */
  create(data: NewNote): Promise<Note>;
  /**
   * Reads one note.
   *
   * @param id - its id.
   * @returns the note, or `null` when there is none.
   */
  findById(id: number): Promise<Note | null>;
  /**
   * Reads one page of notes in ascending id order, narrowed by the filter.
   *
   * @param page - limit and offset.
   * @param filter - optional equality filters.
   * @returns the rows of the page.
   */
  list(page: PageRequest, filter?: NoteFilter): Promise<Note[]>;
  /**
   * Applies a patch.
   *
   * @param id - the note's id.
   * @param patch - the fields to change.
   * @returns the updated note, or `null` when there is none.
   */
  update(id: number, patch: NotePatch): Promise<Note | null>;
  /**
   * Deletes one note.
   *
   * @param id - its id.
   * @returns `false` when there was none.
   */
  delete(id: number): Promise<boolean>;
}
