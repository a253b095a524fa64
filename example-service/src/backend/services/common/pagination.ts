/** Largest page a list may return; the API refuses a larger `limit` (bounded resource use). */
export const MAX_PAGE_SIZE = 100;
/** Page size used when the client gives none. */
export const DEFAULT_PAGE_SIZE = 20;

/** Which slice of a list to return. */
export interface PageRequest {
  /** Rows to return, 1..{@link MAX_PAGE_SIZE}. */
  limit: number;
  /** Rows to skip, ≥ 0. */
  offset: number;
}

/** One slice of a list, in ascending id order. */
export interface Page<T> {
  items: T[];
  limit: number;
  offset: number;
}

/** A page of a filtered list that also tells how many rows meet the filters in all. */
export interface CountedPage<T> extends Page<T> {
  /** Rows meeting every filter, over all pages. */
  total: number;
}
