import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../common/index.js';
import { NoteNotFoundError } from './notes.errors.js';
import { buildNewNote, buildOtherNote } from './notes.fixtures.js';
import { createInMemoryNotesRepository } from './notes.memory-repository.js';
import { createNotesService, type NoteInput, type NotesService } from './notes.service.js';

const log = pino({ level: 'silent' });
const alice: Actor = { userId: 1, roles: [] };
const bob: Actor = { userId: 2, roles: [] };
/** A valid input without the owner field (the service sets it). */
const input = (build = buildNewNote): NoteInput => {
  const { authorId: _owner, ...rest } = build();
  return rest;
};

describe('NotesService (owned by `authorId`)', () => {
  let service: NotesService;
  beforeEach(() => {
    service = createNotesService({ repo: createInMemoryNotesRepository(log), log });
  });

  it('When a note is created, then its owner is the caller, whatever the input says', async () => {
    const created = await service.create(alice, { ...input(), authorId: bob.userId } as NoteInput);
    expect(created.authorId).toBe(alice.userId);
    await expect(service.get(alice, created.id)).resolves.toEqual(created);
  });

  it('When notes are listed, then the page holds only the caller\'s, in id order', async () => {
    const first = await service.create(alice, input());
    await service.create(bob, input(buildOtherNote));
    const second = await service.create(alice, input(buildOtherNote));
    const page = await service.list(alice, { limit: 10, offset: 0 });
    expect(page.items.map((item) => item.id)).toEqual([first.id, second.id]);
  });

  it('When the owner updates a note, then the change is kept and the owner stays', async () => {
    const created = await service.create(alice, input());
    const change = input(buildOtherNote);
    const updated = await service.update(alice, created.id, { ...change, authorId: bob.userId });
    expect(updated).toMatchObject({ ...change, authorId: alice.userId });
  });

  it('When another user reads, updates or removes a note, then NOTE.FORBIDDEN and it is unchanged', async () => {
    const created = await service.create(alice, input());
    await expect(service.get(bob, created.id)).rejects.toMatchObject({ code: 'NOTE.FORBIDDEN' });
    await expect(service.update(bob, created.id, input(buildOtherNote))).rejects.toMatchObject({ code: 'NOTE.FORBIDDEN' });
    await expect(service.remove(bob, created.id)).rejects.toMatchObject({ code: 'NOTE.FORBIDDEN' });
    await expect(service.get(alice, created.id)).resolves.toEqual(created);
  });

  it('When the owner removes a note, then it is gone', async () => {
    const created = await service.create(alice, input());
    await service.remove(alice, created.id);
    await expect(service.get(alice, created.id)).rejects.toBeInstanceOf(NoteNotFoundError);
  });

  it('When the id does not exist, then get, update and remove refuse with NOTE.NOT_FOUND', async () => {
    await expect(service.get(alice, 999)).rejects.toMatchObject({ code: 'NOTE.NOT_FOUND' });
    await expect(service.update(alice, 999, input(buildOtherNote))).rejects.toMatchObject({ code: 'NOTE.NOT_FOUND' });
    await expect(service.remove(alice, 999)).rejects.toMatchObject({ code: 'NOTE.NOT_FOUND' });
  });
  // scaffold:usecase-tests
});
