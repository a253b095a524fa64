import {
  ForbiddenError,
  functionLogger,
  logged,
  moduleLogger,
  type Actor,
  type Logger,
  type Page,
  type PageRequest,
} from '../common/index.js';
import type { Note, NoteFilter, NotePatch, NewNote } from './notes.entity.js';
import { NoteNotFoundError } from './notes.errors.js';
import type { NotesRepository } from './notes.repository.js';

/** What a caller sends to create a note: every field but `authorId`, which is the caller. */
export type NoteInput = Omit<NewNote, 'authorId'>;

/**
 * The use cases of `notes`, written against the repository port only. Each note belongs
 * to the user who created it (`authorId`, taken from the {@link Actor}, never from input):
 * lists hold the caller's rows only, and anyone else gets `NOTE.FORBIDDEN`.
 */
export interface NotesService {
  /**
   * Creates a note owned by the caller.
   *
   * @param actor - the signed-in caller.
   * @param input - the validated fields.
   * @returns the stored note.
   */
  create(actor: Actor, input: NoteInput): Promise<Note>;
  /**
   * Reads one note of the caller.
   *
   * @param actor - the signed-in caller.
   * @param id - its id.
   * @returns the note.
   * @throws {@link NoteNotFoundError} when there is no note with that id.
   * @throws {@link ForbiddenError} (`NOTE.FORBIDDEN`) when it belongs to someone else.
   */
  get(actor: Actor, id: number): Promise<Note>;
  /**
   * One page of the caller's notes, ascending id, narrowed by the filter.
   *
   * @param actor - the signed-in caller.
   * @param page - limit and offset.
   * @param filter - optional equality filters (the owner is always the caller).
   * @returns the page.
   */
  list(actor: Actor, page: PageRequest, filter?: NoteFilter): Promise<Page<Note>>;
  /**
   * Changes the given fields of one note of the caller; the owner never changes.
   *
   * @param actor - the signed-in caller.
   * @param id - its id.
   * @param patch - the fields to change.
   * @returns the updated note.
   * @throws {@link NoteNotFoundError} when there is no note with that id.
   * @throws {@link ForbiddenError} (`NOTE.FORBIDDEN`) when it belongs to someone else.
   */
  update(actor: Actor, id: number, patch: NotePatch): Promise<Note>;
  /**
   * Deletes one note of the caller.
   *
   * @param actor - the signed-in caller.
   * @param id - its id.
   * @throws {@link NoteNotFoundError} when there is no note with that id.
   * @throws {@link ForbiddenError} (`NOTE.FORBIDDEN`) when it belongs to someone else.
   */
  remove(actor: Actor, id: number): Promise<void>;
  // scaffold:usecase-signatures
}

/** What the service needs: a repository (port) and the root logger. */
export interface NotesServiceDeps {
  repo: NotesRepository;
  log: Logger;
}

/**
 * Creates the `notes` service. Every use case logs its input, result and errors with the
 * `[Notes:function]` prefix.
 *
 * @param deps - the repository port and the root logger.
 * @returns the service.
 */
export function createNotesService(deps: NotesServiceDeps): NotesService {
  const { repo } = deps;
  const log = moduleLogger(deps.log, 'Notes');
  const fn = (name: string): Logger => functionLogger(log, 'Notes', name);
  /** Loads one row and checks that the caller owns it. */
  const owned = async (actor: Actor, id: number): Promise<Note> => {
    const found = await repo.findById(id);
    if (!found) throw new NoteNotFoundError(id);
    if (found.authorId !== actor.userId) throw new ForbiddenError('NOTE', 'this note belongs to another user');
    return found;
  };
  return {
    create: logged(fn('create'), async (actor: Actor, input: NoteInput) => repo.create({ ...input, authorId: actor.userId })),
    get: logged(fn('get'), async (actor: Actor, id: number) => owned(actor, id)),
    list: logged(fn('list'), async (actor: Actor, page: PageRequest, filter: NoteFilter = {}) => ({
      ...page,
      items: await repo.list(page, { ...filter, authorId: actor.userId }),
    })),
    update: logged(fn('update'), async (actor: Actor, id: number, patch: NotePatch) => {
      await owned(actor, id);
      const { authorId: _owner, ...change } = patch;
      const updated = await repo.update(id, change);
      if (!updated) throw new NoteNotFoundError(id);
      return updated;
    }),
    remove: logged(fn('remove'), async (actor: Actor, id: number) => {
      await owned(actor, id);
      if (!(await repo.delete(id))) throw new NoteNotFoundError(id);
    }),
    // scaffold:usecase-functions
  };
}
