import { GeneratorInputError } from './errors.js';
import { parseFields, type Field } from './fields.js';
import { parseRouteKey } from './key.js';
import type { ModuleRecord } from './manifest.js';
import { moduleNames, type ModuleNames } from './naming.js';

/** What `--on-delete` may say: deleting the parent deletes its children, or is refused while it has some. */
const ON_DELETE = ['cascade', 'restrict'] as const;

/** `--parent` / `--on-delete` as given (or recorded). */
export interface NestedOptions {
  /** The module the routes nest under, e.g. `invoices`. */
  parent?: string;
  /** `cascade` or `restrict` (the default). */
  onDelete?: string;
}

/** The parent of a nested module, as the templates use it. */
export interface NestedParent extends ModuleNames {
  /** The child's ref field (its column), e.g. `invoiceId`. */
  field: string;
  /**
   * The path parameter: `<parentEntity>Id` for a parent addressed by id (`invoiceId`),
   * `<parentEntity><Key>` for a parent with `--key` (`deliveryTrackingCode`).
   */
  param: string;
  /** The parent's route key (`trackingCode`), or false for a parent addressed by id. */
  key: string | false;
  /** `cascade` or `restrict`. */
  onDelete: 'cascade' | 'restrict';
  /** A path segment no parent row has (the 404 tests). */
  absent: string;
}

/**
 * Picks `--parent` and `--on-delete` out of the CLI's string options, for `planEndpoint`.
 *
 * @param options - the string options read from the command line.
 * @returns the nested options that were given.
 */
export function nestedOptions(options: Record<string, string | undefined>): NestedOptions {
  return {
    ...(options.parent !== undefined ? { parent: options.parent } : {}),
    ...(options['on-delete'] !== undefined ? { onDelete: options['on-delete'] } : {}),
  };
}

/**
 * Reads `--parent=<module>` (and `--on-delete`): the module's routes nest under one row of the
 * parent (`/<parent route>/:<param>/<route>`), scoped to it by the module's required ref to it.
 *
 * @param options - `--parent` and `--on-delete`.
 * @param names - the module's names.
 * @param fields - its parsed fields.
 * @param modules - the service's recorded modules (other than this one).
 * @returns the parent, or `undefined` without `--parent`.
 * @throws {GeneratorInputError} naming what to change: `--on-delete` without `--parent`, an
 *   unknown value, the module itself or an unknown/unsupported parent, no required ref to it, or an
 *   unsupported combination (an owner field, a secret field).
 */
export function parseNested(options: NestedOptions, names: ModuleNames, fields: Field[], modules: ModuleRecord[]): NestedParent | undefined {
  const onDelete = options.onDelete?.trim();
  if (options.parent === undefined) {
    if (onDelete !== undefined) throw new GeneratorInputError('--on-delete needs --parent=<module>: it says what deleting the parent does to its nested children.');
    return undefined;
  }
  if (onDelete !== undefined && !(ON_DELETE as readonly string[]).includes(onDelete)) {
    throw new GeneratorInputError(`--on-delete=${onDelete}: write --on-delete=cascade or --on-delete=restrict (the default).`);
  }
  const parentName = options.parent.trim();
  if (parentName === names.name) throw new GeneratorInputError(`--parent=${parentName}: a module cannot be nested under itself.`);
  const record = modules.find((m) => m.name === parentName);
  if (!record) throw new GeneratorInputError(`--parent=${parentName}: no module "${parentName}" in this service (known: ${modules.map((m) => m.name).join(', ') || 'none'}).`);
  const target = moduleNames(parentName);
  const unsupported = (what: string): GeneratorInputError => new GeneratorInputError(`--parent=${parentName} cannot be combined with ${what}: not supported yet.`);
  if (fields.some((f) => f.owner)) throw unsupported('an owner field');
  if (fields.some((f) => f.secret)) throw unsupported('a secret field');
  const parentFields = parseFields(record.fields, target.Entity);
  if (record.auth !== undefined || parentFields.some((f) => f.owner)) throw unsupported(`a parent with --auth or an owner field ("${parentName}")`);
  if (record.parent !== undefined) throw unsupported(`a parent that is itself nested ("${parentName}" is under "${record.parent}")`);
  const ref = fields.find((f) => f.ref?.target.name === parentName && !f.optional && !f.owner);
  if (!ref) {
    throw new GeneratorInputError(`--parent=${parentName}: "${names.name}" needs a required field referencing it: add "${target.entity}:ref(${parentName})" to its fields (not optional).`);
  }
  if (fields.length === 1) {
    throw new GeneratorInputError(`--parent=${parentName}: "${names.name}" needs a field besides "${ref.spec}" (the path names the parent, so a body would have nothing to create or change).`);
  }
  const key = record.key ?? false;
  const param = key ? `${target.entity}${key.charAt(0).toUpperCase()}${key.slice(1)}` : `${target.entity}Id`;
  const absent = parseRouteKey(record.key, parentFields, target)?.absent ?? '999999';
  return { ...target, field: ref.name, param, key, onDelete: onDelete === 'cascade' ? 'cascade' : 'restrict', absent };
}

/**
 * The fields with the parent ref's foreign key as `--on-delete` asks (`CASCADE` or `RESTRICT`).
 *
 * @param fields - the module's parsed fields.
 * @param parent - its parent, if nested.
 * @returns the fields, the parent ref's `onDelete` set.
 */
export function withParentOnDelete(fields: Field[], parent: NestedParent | undefined): Field[] {
  if (!parent || parent.onDelete !== 'cascade') return fields;
  // The Prisma relation line carries it too (`onDelete: Cascade`, as auth's refresh tokens do).
  return fields.map((f) =>
    f.name === parent.field && f.ref
      ? { ...f, ref: { ...f.ref, onDelete: 'CASCADE' as const }, prismaLines: f.prismaLines.map((l) => (l.includes('@relation(') ? l.replace(/\)$/, ', onDelete: Cascade)') : l)) }
      : f,
  );
}

/**
 * The part of the endpoint view nesting needs: where the router is mounted, how the composition
 * root resolves the path's parent key, and the path the OpenAPI document shows.
 *
 * @param names - the module's names.
 * @param parent - its parent, if nested.
 * @returns `parent` (or false), `mountPath`, `apiPath`, `parentLookup`, `parentKeyType`.
 */
export function nestedView(names: ModuleNames, parent: NestedParent | undefined): object {
  if (!parent) return { parent: false, mountPath: `/${names.route}`, apiPath: `/${names.route}`, parentLookup: '' };
  return {
    parent,
    mountPath: `/${parent.route}/:${parent.param}/${names.route}`,
    apiPath: `/${parent.route}/{${parent.param}}/${names.route}`,
    /** The parent's key (`idOf`) or id (`get`) to its id: the parent's NotFoundError answers the parent's 404. */
    parentLookup: parent.key
      ? `(key: string) => services.${parent.name}.idOf(key)`
      : `async (id: number) => (await services.${parent.name}.get(id)).id`,
    parentKeyType: parent.key ? 'string' : 'number',
  };
}
