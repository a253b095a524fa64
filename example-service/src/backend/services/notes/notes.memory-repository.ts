import { functionLogger, logged, moduleLogger, type Logger, type PageRequest } from '../common/index.js';
import type { Note, NoteFilter, NotePatch, NewNote } from './notes.entity.js';
import type { NotesRepository } from './notes.repository.js';

/**
 * An in-memory adapter of the `notes` repository port: for unit tests, API tests and
 * benchmarks. Not shared between instances; data is lost with the process. It does not
 * check references to other modules (PostgreSQL's foreign keys do, in the Prisma adapter).
 *
 * @param rootLog - the root logger.
 * @returns a repository holding its rows in a `Map`.
 */
export function createInMemoryNotesRepository(rootLog: Logger): NotesRepository {
  const rows = new Map<number, Note>();
  let nextId = 1;
  const log = moduleLogger(rootLog, 'NotesMemory');
  const fn = (name: string): Logger => functionLogger(log, 'NotesMemory', name);
  return {
    create: logged(fn('create'), async (data: NewNote) => {
      const now = new Date();
      const row: Note = {
        id: nextId,
        title: data.title,
        body: data.body,
        authorId: data.authorId,
        createdAt: now,
        updatedAt: now,
      };
      nextId += 1;
      rows.set(row.id, row);
      return { ...row };
    }),
    findById: logged(fn('findById'), async (id: number) => {
      const row = rows.get(id);
      return row ? { ...row } : null;
    }),
    list: logged(fn('list'), async (page: PageRequest, filter: NoteFilter = {}) =>
      [...rows.values()]
        .filter((row) => filter.authorId === undefined || row.authorId === filter.authorId)
        .slice(page.offset, page.offset + page.limit)
        .map((row) => ({ ...row })),
    ),
    update: logged(fn('update'), async (id: number, patch: NotePatch) => {
      const row = rows.get(id);
      if (!row) return null;
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const updated: Note = { ...row, ...defined, updatedAt: new Date() };
      rows.set(id, updated);
      return { ...updated };
    }),
    delete: logged(fn('delete'), async (id: number) => rows.delete(id)),
  };
}
