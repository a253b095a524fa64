/** One label as the core sees it (plain object, no ORM types). */
export interface Label {
  id: number;
  name: string;
  color: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What it takes to create a label. */
export interface NewLabel {
  name: string;
  color?: string | null;
}

/** A partial change to a label; absent properties stay as they are. */
export type LabelPatch = Partial<NewLabel>;
