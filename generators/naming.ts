import pluralize from 'pluralize';
import { GeneratorInputError } from './errors.js';

/** Module names: lower camelCase ASCII, 2–40 characters, e.g. `invoices`, `lineItems`. */
export const MODULE_NAME_PATTERN = /^[a-z][a-zA-Z0-9]{1,39}$/;

/** Words a module may not be named: JS/TS reserved words, prototype members, our own folders. */
const RESERVED = new Set([
  ...'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await async any boolean number string symbol object never unknown undefined type declare namespace module require arguments eval'.split(' '),
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype', 'common', 'generated', 'prisma', 'healthz', 'readyz', 'app', 'main', 'server', 'config',
  'logger', 'routes', 'index', 'api', 'db', 'services', 'test', 'openapi',
]);

/**
 * Types the generated code imports from `services/common` (and the services barrel re-exports):
 * a module whose entity had one of these names would clash with it (`pages` → `Page`).
 */
const CORE_TYPES = new Set(
  'Actor Authenticator ConflictError CountedPage DomainError DomainErrorKind FilterOperator ForbiddenError ListFieldKind ListFields ListFilter ListQuery NotFoundError Page PageRequest RequestContext Secret SortKey UnauthenticatedError UnavailableError'.split(' '),
);

/**
 * Tells whether a name is reserved (JS/TS keyword, prototype member or one of our own folders).
 *
 * @param name - a candidate module or use case name.
 * @returns true when generators must refuse it.
 */
export function isReservedName(name: string): boolean {
  return RESERVED.has(name);
}

/** Every spelling of a module's name that templates need. */
export interface ModuleNames {
  /** As given: folder, service key, e.g. `lineItems`. */
  name: string;
  /** PascalCase plural, e.g. `LineItems` (service, router, logger module). */
  Plural: string;
  /** PascalCase singular, e.g. `LineItem` (entity type, Prisma model). */
  Entity: string;
  /** camelCase singular, e.g. `lineItem` (Prisma client delegate). */
  entity: string;
  /** Error code scope, e.g. `LINE_ITEM`. */
  SCOPE: string;
  /** URL path segment, e.g. `line-items`. */
  route: string;
  /** SQL table, e.g. `line_items`. */
  table: string;
  /** Human words, e.g. `line item`. */
  words: string;
  /** With its article, e.g. `a line item`, `an invoice`. */
  aWords: string;
}

const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const splitWords = (s: string): string[] => s.split(/(?=[A-Z])|(?<=[a-z])(?=[0-9])/).map((w) => w.toLowerCase());

/**
 * Validates a module name and derives its spellings.
 *
 * @param raw - the name as typed, e.g. `invoices`.
 * @returns the derived names.
 * @throws {GeneratorInputError} when the name is empty, does not match
 *   {@link MODULE_NAME_PATTERN} (which also rules out `/`, `.` and any path), or is reserved.
 */
export function moduleNames(raw: string): ModuleNames {
  const name = raw.trim();
  if (name === '') throw new GeneratorInputError('Module name is empty: give a name such as "invoices".');
  if (!MODULE_NAME_PATTERN.test(name)) {
    throw new GeneratorInputError(
      `Module name "${raw}" is invalid: use 2-40 letters/digits in lower camelCase, starting with a letter (e.g. "invoices", "lineItems").`,
    );
  }
  if (RESERVED.has(name) || RESERVED.has(pluralize.singular(name))) {
    throw new GeneratorInputError(`Module name "${name}" is a reserved word: choose another name.`);
  }
  const singular = pluralize.singular(name);
  if (CORE_TYPES.has(pascal(singular))) {
    throw new GeneratorInputError(`Module name "${name}" would name its entity ${pascal(singular)}, a type of the service's core (services/common): choose another name (e.g. "${singular}Items").`);
  }
  return {
    name,
    Plural: pascal(name),
    Entity: pascal(singular),
    entity: singular,
    SCOPE: splitWords(singular).join('_').toUpperCase(),
    route: splitWords(name).join('-'),
    table: splitWords(name).join('_'),
    words: splitWords(singular).join(' '),
    aWords: `${/^[aeiou]/.test(singular) ? 'an' : 'a'} ${splitWords(singular).join(' ')}`,
  };
}
