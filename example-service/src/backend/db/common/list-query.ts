import { isLinksKind, type ListFields, type ListFilter, type ListQuery } from '../../services/common/index.js';

/** A LIKE pattern that matches `text` literally: `\`, `%` and `_` escaped (PostgreSQL's default escape is `\`). */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

const PRISMA_OPERATOR = { eq: 'equals', gte: 'gte', lte: 'lte', contains: 'contains' } as const;

/**
 * Translates list filters to a Prisma `where` object: one entry per field, all of them ANDed.
 * `contains` becomes a case-insensitive `ILIKE` whose value is escaped, because Prisma passes
 * `%` and `_` through as wildcards (https://www.prisma.io/docs/orm/prisma-client/queries/filtering-and-sorting,
 * "Filtering FAQs"); a bigint value becomes a `BigInt`; a `refs(…)` field's ids become one `some`
 * condition per id on its relation (https://www.prisma.io/docs/orm/prisma-client/queries/relation-queries,
 * "Filter on -to-many relations"), so a row is listed when it links every one.
 *
 * @typeParam W - the model's `WhereInput` type (the result is built for it, not checked by it).
 * @param filters - the conditions.
 * @param fields - how each field compares.
 * @returns the `where` argument.
 */
export function prismaWhere<W>(filters: ListFilter[] | undefined, fields: ListFields): W {
  const where: Record<string, Record<string, unknown>> & { AND?: unknown[] } = {};
  for (const filter of filters ?? []) {
    const kind = fields[filter.field];
    if (isLinksKind(kind)) {
      const ids = filter.value as readonly number[];
      where.AND = [...(where.AND ?? []), ...ids.map((id) => ({ [filter.field]: { some: { [kind.links]: id } } }))];
      continue;
    }
    const condition = (where[filter.field] ??= {});
    if (filter.operator === 'contains') {
      Object.assign(condition, { contains: likeLiteral(String(filter.value)), mode: 'insensitive' });
    } else {
      condition[PRISMA_OPERATOR[filter.operator]] = fields[filter.field] === 'bigint' ? BigInt(String(filter.value)) : filter.value;
    }
  }
  return where as W;
}

/**
 * Translates a list query to Prisma `findMany` arguments: its filters, its sort keys followed by
 * ascending id (a stable order across pages), `take` and `skip`.
 *
 * @typeParam W - the model's `WhereInput` type.
 * @typeParam O - the model's `OrderByWithRelationInput` type.
 * @param query - page, filters and sort keys.
 * @param fields - how each field compares.
 * @returns `{ where, orderBy, take, skip }`.
 */
export function prismaListArgs<W, O>(query: ListQuery, fields: ListFields): { where: W; orderBy: O[]; take: number; skip: number } {
  const keys = query.sort ?? [];
  const orderBy = [...keys.map((key) => ({ [key.field]: key.direction })), ...(keys.some((key) => key.field === 'id') ? [] : [{ id: 'asc' }])];
  return { where: prismaWhere<W>(query.filters, fields), orderBy: orderBy as O[], take: query.limit, skip: query.offset };
}
