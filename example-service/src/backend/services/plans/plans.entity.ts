/** One plan as the core sees it (plain object, no ORM types). */
export interface Plan {
  id: number;
  title: string;
  slug: string;
  price: string;
  description: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What it takes to create a plan. */
export interface NewPlan {
  title: string;
  slug: string;
  price: string;
  description?: string | null;
}

/** A partial change to a plan; absent properties stay as they are. */
export type PlanPatch = Partial<NewPlan>;

/**
 * What the service's `create` takes: a `NewPlan` whose `slug` may be left out; it
 * is then derived from `title` and made unique with a suffix (see `slugOf`, `freeSlug`).
 */
export type PlanInput = Omit<NewPlan, 'slug'> & Partial<Pick<NewPlan, 'slug'>>;
