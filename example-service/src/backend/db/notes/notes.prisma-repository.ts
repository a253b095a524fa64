import type { Note as NoteRow } from '../../../../generated/prisma/client.js';
import {
  functionLogger,
  logged,
  moduleLogger,
  type Logger,
  type PageRequest,
} from '../../services/common/index.js';
import {
  NoteInUseError,
  NoteReferenceError,
  type Note,
  type NoteFilter,
  type NotePatch,
  type NotesRepository,
  type NewNote,
} from '../../services/notes/index.js';
import { isPrismaError, type PrismaClient } from '../common/index.js';

/**
 * Maps a Prisma row to the core's entity (Decimal → string; other values unchanged).
 *
 * @param row - the row Prisma returned.
 * @returns the plain entity.
 */
function toEntity(row: NoteRow): Note {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    authorId: row.authorId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * Turns a database refusal into the module's domain error; anything else is rethrown.
 *
 * @param err - what Prisma threw on create or update.
 * @returns never; always throws.
 */
function refusal(err: unknown): never {
  if (isPrismaError(err, 'P2003')) throw new NoteReferenceError('authorId');
  throw err;
}

/**
 * The Prisma adapter of the `notes` repository port (table `notes`).
 *
 * @param prisma - the service's Prisma client.
 * @param rootLog - the root logger.
 * @returns a repository backed by PostgreSQL.
 */
export function createNotesPrismaRepository(prisma: PrismaClient, rootLog: Logger): NotesRepository {
  const log = moduleLogger(rootLog, 'NotesDb');
  const fn = (name: string): Logger => functionLogger(log, 'NotesDb', name);
  return {
    create: logged(fn('create'), async (data: NewNote) =>
      toEntity(await prisma.note.create({ data: data }).catch(refusal)),
    ),
    findById: logged(fn('findById'), async (id: number) => {
      const row = await prisma.note.findUnique({ where: { id } });
      return row ? toEntity(row) : null;
    }),
    list: logged(fn('list'), async (page: PageRequest, filter: NoteFilter = {}) => {
      const rows = await prisma.note.findMany({ where: filter, orderBy: { id: 'asc' }, take: page.limit, skip: page.offset });
      return rows.map(toEntity);
    }),
    update: logged(fn('update'), async (id: number, patch: NotePatch) => {
      try {
        return toEntity(await prisma.note.update({ where: { id }, data: patch }));
      } catch (err) {
        if (isPrismaError(err, 'P2025')) return null;
        return refusal(err);
      }
    }),
    delete: logged(fn('delete'), async (id: number) => {
      try {
        const { count } = await prisma.note.deleteMany({ where: { id } });
        return count > 0;
      } catch (err) {
        if (isPrismaError(err, 'P2003')) throw new NoteInUseError(id);
        throw err;
      }
    }),
  };
}
