import type { NewNote } from './notes.entity.js';

/**
 * Test data factory: a valid new note, with overrides.
 *
 * @param overrides - properties to replace.
 * @returns a `NewNote` that every layer accepts.
 */
export function buildNewNote(overrides: Partial<NewNote> = {}): NewNote {
  return {
    title: 'title-1',
    body: 'Some body.',
    authorId: 1,
    ...overrides,
  };
}

/**
 * A patch that changes every field to a second valid value.
 *
 * @param overrides - properties to replace (e.g. the ids of referenced rows).
 * @returns a full patch, distinct from the values of `buildNewNote`.
 */
export function buildOtherNote(overrides: Partial<NewNote> = {}): NewNote {
  return {
    title: 'title-2',
    body: 'Other body.',
    authorId: 1,
    ...overrides,
  };
}
