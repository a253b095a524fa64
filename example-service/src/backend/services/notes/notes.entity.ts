/** One note as the core sees it (plain object, no ORM types). */
export interface Note {
  id: number;
  title: string;
  body: string;
  authorId: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What it takes to create a note. */
export interface NewNote {
  title: string;
  body: string;
  authorId: number;
}

/** A partial change to a note; absent properties stay as they are. */
export type NotePatch = Partial<NewNote>;

/** What a list of notes can be narrowed by (each referenced row's id). */
export interface NoteFilter {
  authorId?: number;
}
