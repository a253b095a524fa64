import { GeneratorInputError } from './errors.js';

/** One generated module, enough to regenerate it byte for byte. */
export interface ModuleRecord {
  name: string;
  /** The field spec exactly as given. */
  fields: string;
  /** Folder name of its create migration under `prisma/migrations`. */
  migration: string;
  /** Use cases added by `npx plop usecase`, in order (absent when none). */
  usecases?: string[];
}

/** `scaffold.json` at a service root: what generators have added to it, in order. */
export interface Manifest {
  modules: ModuleRecord[];
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
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
