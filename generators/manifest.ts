import { GeneratorInputError } from './errors.js';
import type { UsecaseRecord } from './usecase/shape.js';

/** One generated module, enough to regenerate it byte for byte. */
export interface ModuleRecord {
  name: string;
  /** The field spec exactly as given. */
  fields: string;
  /** Folder name of its create migration under `prisma/migrations`. */
  migration: string;
  /**
   * Use cases added by `npx plop usecase`, in order (absent when none): a plain name for the
   * default shape (`POST /<module>/:id/<name>` answering the row), else `{name, method, scope,
   * body?, query?, returns}`.
   */
  usecases?: UsecaseRecord[];
  /** The field spec the module was created with, once `npx plop field` changed `fields` (its create migration renders from it). */
  createdWith?: string;
  /** Field steps of `npx plop field`, in order (absent when none). */
  history?: FieldStep[];
  /** `--auth` (true) or `--auth=<role>`: every route needs a signed-in user (with that role). */
  auth?: true | string;
  /** `--unique`: composite unique indexes, groups of field names separated by spaces (e.g. `follower,followed`). */
  unique?: string;
  /** `--key`: the unique field the item routes are addressed by (`/<route>/:<key>`). */
  key?: string;
  /** `--filters`: the list route filters on every scalar, enum and ref field, sorts (`?sort=`) and counts (`total`). */
  filters?: true;
  /** `--parent`: the module its routes nest under (`/<parent route>/:<parentKey>/<route>`). */
  parent?: string;
  /** `--on-delete`: what deleting the parent does to its children (`cascade`, or the default `restrict`). */
  onDelete?: 'cascade' | 'restrict';
}

/** One `npx plop field` step: fields added or one field removed, and the migration it wrote. */
export interface FieldStep {
  /** The field items added, as recorded (e.g. `tier:string=basic vip:boolean?`). */
  add?: string;
  /** The field item removed, as it was recorded (e.g. `phone:string?`). */
  remove?: string;
  /** Its migration folder under `prisma/migrations`, e.g. `20261201090000_add_tier_vip_to_customers`. */
  migration: string;
}

/** `npx plop auth` in a service: enough to regenerate (and destroy) the users and auth modules. */
export interface AuthRecord {
  /** Folder name of its create migration (users + refresh_tokens) under `prisma/migrations`. */
  migration: string;
}

/** `scaffold.json` at a service root: what generators have added to it, in order. */
export interface Manifest {
  /**
   * The service's wire style (`npx plop service <name> --envelope`); absent: the default. With
   * `envelope`, every module answers a row as `{ "<entity>": {…} }` and a page as
   * `{ "<module>": […], "<module>Count": n, "limit", "offset" }`.
   */
  wire?: Wire;
  modules: ModuleRecord[];
  /** Present once `npx plop auth` ran; regenerated before every module. */
  auth?: AuthRecord;
}

/** A service's wire style, recorded in `scaffold.json`. */
export interface Wire {
  /** Rows and pages answer under a named key (see {@link Manifest.wire}). */
  envelope?: true;
}

/** File name of the manifest, relative to the service root. */
export const MANIFEST_FILE = 'scaffold.json';

/**
 * Parses a manifest.
 *
 * @param text - the file's content, or `undefined` when there is none yet.
 * @returns the manifest (empty when `text` is undefined).
 * @throws {GeneratorInputError} when the file is not a valid manifest.
 */
export function parseManifest(text: string | undefined): Manifest {
  if (text === undefined) return { modules: [] };
  try {
    const value = JSON.parse(text) as Manifest;
    if (!Array.isArray(value.modules)) throw new Error('modules is not an array');
    return value;
  } catch (err) {
    throw new GeneratorInputError(`${MANIFEST_FILE} is not valid: ${(err as Error).message}`);
  }
}

/**
 * Serialises a manifest the way it is stored (2-space JSON, trailing newline).
 *
 * @param manifest - the manifest.
 * @returns its file content.
 */
export function formatManifest(manifest: Manifest): string {
  // One key order whichever generator touched a record last, so regeneration is byte for byte.
  const modules = manifest.modules.map((m) => {
    const entries = Object.entries(m);
    const rank = (key: string): number => (RECORD_KEYS.includes(key) ? RECORD_KEYS.indexOf(key) : RECORD_KEYS.length);
    return Object.fromEntries(entries.sort(([a], [b]) => rank(a) - rank(b)));
  });
  return `${JSON.stringify({ ...manifest, modules }, null, 2)}\n`;
}

/** The order of a module record's keys in `scaffold.json` (others follow, in their own order). */
const RECORD_KEYS = ['name', 'fields', 'key', 'unique', 'filters', 'parent', 'onDelete', 'migration', 'usecases', 'auth', 'createdWith', 'history'];
