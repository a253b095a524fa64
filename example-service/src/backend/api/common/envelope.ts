import type { CountedPage, Page } from '../../services/common/index.js';

/** A page under the wire envelope: the rows under `<list>`, the total (filtered lists) as `<list>Count`. */
export type PageEnvelope<K extends string, T> = Record<K, T[]> & Partial<Record<`${K}Count`, number>> & { limit: number; offset: number };

/**
 * Puts a page of rows under the service's wire envelope (`npx plop service <name> --envelope`):
 * `{ "<list>": […], "<list>Count": n, "limit": …, "offset": … }`, the count only when the page
 * has a total (a filtered list). The single-row envelope is written inline by the routers:
 * `{ "<item>": row }`.
 *
 * @pure
 * @param list - the list key, the module's name, e.g. `posts`.
 * @param page - the page the service returned.
 * @returns the enveloped page, ready for `res.json`.
 */
export function pageEnvelope<K extends string, T>(list: K, page: Page<T> | CountedPage<T>): PageEnvelope<K, T> {
  const total = 'total' in page ? { [`${list}Count`]: page.total } : {};
  return { [list]: page.items, ...total, limit: page.limit, offset: page.offset } as PageEnvelope<K, T>;
}
