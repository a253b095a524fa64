import type { Field } from '../fields.js';
import type { ModuleNames } from '../naming.js';

/**
 * The part of the view secret fields (`apiKey:secret`) need: bodies take them, the service stores
 * only their argon2id hash (through the auth module's `PasswordHasher` port), no answer holds them.
 *
 * @param names - the module's names.
 * @param fields - its parsed fields.
 * @returns `secrets` (each with its `verify<Name>` function), `hasSecrets`, `publicFields` (what an
 *   answer holds) and the repository's create/patch type names `recordNew` / `recordPatch`.
 */
export function secretView(names: ModuleNames, fields: Field[]): object {
  const secrets = fields.filter((f) => f.secret).map((f) => ({ ...f, verify: `verify${f.name.charAt(0).toUpperCase()}${f.name.slice(1)}` }));
  const hasSecrets = secrets.length > 0;
  return {
    secrets,
    hasSecrets,
    publicFields: fields.filter((f) => !f.secret),
    recordNew: hasSecrets ? `New${names.Entity}Record` : `New${names.Entity}`,
    recordPatch: hasSecrets ? `${names.Entity}RecordPatch` : `${names.Entity}Patch`,
    /** The secret fields' names, quoted, for `secretFields` of the OpenAPI spec. */
    secretNames: secrets.map((f) => `'${f.name}'`).join(', '),
    /** The same as a union type, for `Omit<…>`. */
    secretUnion: secrets.map((f) => `'${f.name}'`).join(' | '),
  };
}
