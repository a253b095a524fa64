import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNewNote, buildOtherNote, type NotesRepository, type NewNote } from '../../services/notes/index.js';
import { openTestDatabase, type TestDatabase } from '../common/index.js';
import { seedUser } from '../users/users.seed.js';
import { createNotesPrismaRepository } from './notes.prisma-repository.js';

const log = pino({ level: 'silent' });

describe('NotesPrismaRepository (PostgreSQL: embedded PGlite, or DATABASE_URL when set)', () => {
  let db: TestDatabase;
  let repo: NotesRepository;
  /** Ids of real referenced rows, seeded once. */
  let refs: Partial<NewNote> = {};
  const buildNew = async () => buildNewNote(refs);
  const buildOther = async () => buildOtherNote(refs);
  beforeAll(async () => {
    db = await openTestDatabase();
    repo = createNotesPrismaRepository(db.prisma, log);
    refs = {
      authorId: await seedUser(db.prisma, log),
    };
  });
  afterAll(async () => {
    await db?.close();
  });

  it('When a note is created, then the same values are read back from the table', async () => {
    const input = await buildNew();
    const created = await repo.create(input);
    expect(created.id).toBeGreaterThan(0);
    expect(created).toMatchObject(input);
    await expect(repo.findById(created.id)).resolves.toEqual(created);
  });

  it('When a note is updated, then the row holds the new values and a later updatedAt', async () => {
    const created = await repo.create(await buildNew());
    const change = await buildOther();
    const updated = await repo.update(created.id, change);
    expect(updated).toMatchObject(change);
    expect(updated?.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
  });

  it('When notes are listed, then pages follow id order', async () => {
    const a = await repo.create(await buildNew());
    const b = await repo.create(await buildNew());
    const ids = (await repo.list({ limit: 100, offset: 0 })).map((row) => row.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    expect(await repo.list({ limit: 1, offset: 0 })).toHaveLength(1);
  });

  it('When a note is deleted, then it is gone and a second delete reports false', async () => {
    const created = await repo.create(await buildNew());
    await expect(repo.delete(created.id)).resolves.toBe(true);
    await expect(repo.findById(created.id)).resolves.toBeNull();
    await expect(repo.delete(created.id)).resolves.toBe(false);
  });

  it('When the id does not exist, then update resolves to null', async () => {
    await expect(repo.update(2147483000, await buildOther())).resolves.toBeNull();
  });

  it('When the referenced row of authorId does not exist, then create refuses with NOTE.INVALID', async () => {
    await expect(repo.create({ ...(await buildNew()), authorId: 2147483000 })).rejects.toMatchObject({ code: 'NOTE.INVALID' });
  });

  it('When notes are listed by authorId, then only rows pointing at that row come back', async () => {
    const mine = await repo.create(await buildNew());
    const other = await repo.create({ ...(await buildNew()), authorId: await seedUser(db.prisma, log) });
    const ids = (await repo.list({ limit: 100, offset: 0 }, { authorId: other.authorId ?? undefined })).map((row) => row.id);
    expect(ids).toEqual([other.id]);
    expect(ids).not.toContain(mine.id);
  });
});
