import { FIELD_TYPES } from '../field-types.js';
import { MODULE_NAME_PATTERN } from '../naming.js';
import { USECASE_NAME_PATTERN } from '../usecase/render.js';
import { USECASE_OPTIONS } from '../usecase/shape.js';
import { REQ_PATTERN } from './flags.js';
import { planJsonSchema } from '../batch/schema.js';

/** One flag of a generator, as `describe` prints it. */
export interface FlagDoc {
  /** As typed, e.g. `--dry-run` or `--method <GET|POST|PUT|PATCH|DELETE>`. */
  flag: string;
  /** JSON Schema of its value (`boolean` for a switch). */
  schema: object;
  description: string;
  /** A command that uses it, runnable against the example service. */
  example: string;
}

/** What `describe` knows about one generator beyond what plop registers (name, description, prompts). */
export interface GeneratorDoc {
  /** JSON Schema of each positional argument, by prompt name. */
  arguments: Record<string, object>;
  flags: FlagDoc[];
  /** Commands a user would start from, runnable against the example service in this order. */
  examples: string[];
}

const FIELD_NAME = '[a-z][a-zA-Z0-9]{0,59}';
const ENUM_VALUE = '[a-z][a-zA-Z0-9_]{0,62}';
const TYPE_DOCS: Record<string, { item: string; description: string; example: string }> = {
  string: { item: 'string', description: 'string ≤ 255 chars; VARCHAR(255); default =abc (letters, digits, _ . @ -)', example: 'email:string!' },
  text: { item: 'text', description: 'string ≤ 10 000 chars; TEXT', example: 'notes:text?' },
  int: { item: 'int', description: '32-bit integer; INTEGER; default =0', example: 'quantity:int=1' },
  bigint: { item: 'bigint', description: 'string of ≤ 18 digits; BIGINT', example: 'views:bigint=0' },
  decimal: { item: 'decimal', description: 'string "12.50"; DECIMAL(12,2); default =9.99', example: 'total:decimal' },
  boolean: { item: 'boolean', description: 'boolean; BOOLEAN; default =true|false', example: 'paid:boolean=false' },
  datetime: { item: 'datetime', description: 'ISO 8601 with offset; TIMESTAMP(3); default =now', example: 'dueAt:datetime?' },
  uuid: { item: 'uuid', description: 'UUID string; UUID; default =uuid (random)', example: 'ref:uuid!=uuid' },
  json: { item: 'json', description: 'JSON object; JSONB (with ? nullable)', example: 'meta:json' },
  secret: { item: 'secret', description: 'write-only string of 12-128 chars (a password, an API key): accepted on create/update, stored as its argon2id hash in TEXT column <name>Hash, never answered or logged; no ! or default; needs npx plop auth', example: 'apiKey:secret' },
  enum: { item: `enum\\(${ENUM_VALUE}(\\|${ENUM_VALUE})*\\)`, description: "'a' | 'b'; PostgreSQL enum type <Entity><Field>; default one of the values", example: 'status:enum(pending|paid)=pending' },
  ref: { item: `ref\\(${MODULE_NAME_PATTERN.source.slice(1, -1)}\\)`, description: '<name>Id, a positive integer; INTEGER + foreign key to the module (ON DELETE RESTRICT, with ? SET NULL); with ! one-to-one (back-relation <entity> <Entity>?); several refs to one module are named relations (back-relation <module>As<Name> in its model)', example: 'customer:ref(customers)' },
  refs: { item: `refs\\(${MODULE_NAME_PATTERN.source.slice(1, -1)}\\)`, description: 'many-to-many: the linked rows\' ids, an array answered ascending (no repeats, ≤ 100; a body may leave it out; a patch replaces the set); join table <entity>_<name> with a composite primary key and both foreign keys ON DELETE CASCADE; GET ?<name>=1,2 lists rows linking every id; a missing row 422 <SCOPE>.INVALID; with --filters also ?<name>=1,2 (never a sort key); one per linked module; no modifiers', example: 'labels:refs(labels)' },
  slug: { item: `slug\\(${FIELD_NAME}\\)`, description: 'a route key derived from another field: a unique slug (lower-case letters, digits, words joined by -, ≤ 255 chars) that a create body may leave out; the service then derives it from the named required string/text field (no default) and adds the first free -2…-20 (then random) suffix; must be the --key; no ? or default; not with --auth; unique across parents with --parent', example: 'slug:slug(title)' },
  owner: { item: 'owner', description: '<name>Id of the signed-in user (needs npx plop auth and --auth): set from the token, never from a body; others get 403; no modifiers', example: 'author:owner' },
};

/** The item pattern of one type: `name:type`, modifiers `?` and `!` in either order, then `=default`. */
const itemPattern = (type: string): string => `${FIELD_NAME}:${TYPE_DOCS[type]?.item ?? type}(\\?|!|\\?!|!\\?)?(=[^\\s]+)?`;

/**
 * The field grammar as a JSON Schema (draft 2020-12): a spec is a string of items separated by
 * whitespace, each item `name:type[?][!][=default]`. The pattern checks the shape; the generator
 * also checks what a pattern cannot (a type's allowed modifiers and defaults, duplicate names).
 *
 * @returns the schema.
 */
export function fieldGrammarSchema(): object {
  const types = [...FIELD_TYPES, 'enum', 'ref', 'refs', 'owner', 'slug'];
  const item = `(${types.map(itemPattern).join('|')})`;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Field spec',
    description:
      'Fields separated by whitespace, each name:type then optional modifiers ? (optional, nullable) and ! (unique), then =default. Names: lower camelCase, not id, createdAt or updatedAt.',
    type: 'string',
    pattern: `^\\s*${item}(\\s+${item})*\\s*$`,
    examples: ['name:string email:string! phone:string?', 'customer:ref(customers) status:enum(pending|paid|shipped)=pending total:decimal'],
    $defs: {
      item: {
        oneOf: types.map((t) => ({ title: t, description: TYPE_DOCS[t]?.description, type: 'string', pattern: `^${itemPattern(t)}$`, examples: [TYPE_DOCS[t]?.example] })),
      },
      modifiers: {
        '?': 'optional: nullable column, may be omitted',
        '!': 'unique: 409 <SCOPE>.CONFLICT on a duplicate (not for boolean, json, enum, owner, secret; a slug is always unique)',
        '=value': 'default, see each type',
      },
    },
  };
}

const str = (pattern: RegExp | string, description: string): object => ({ type: 'string', pattern: typeof pattern === 'string' ? pattern : pattern.source, description });

/** Flags every generator takes. */
export const COMMON_FLAGS: FlagDoc[] = [
  { flag: '--json', schema: { type: 'boolean' }, description: 'Print exactly one JSON object {status, files_changed, errors, next_action} on stdout.', example: 'npx plop endpoint tags "label:string!" --json' },
  { flag: '--dry-run', schema: { type: 'boolean' }, description: 'Plan only: the result adds plan [{kind, path, added, removed}]; nothing is written.', example: 'npx plop endpoint badges "label:string!" --dry-run --json' },
  { flag: '--req=<id>', schema: str(REQ_PATTERN, 'requirement id, = form only'), description: 'Record the changed files under this id in traceability_matrix.json (R13).', example: 'npx plop endpoint todos "body:text" --req=REQ-123 --json' },
  { flag: '--dest <dir>', schema: { type: 'string', description: 'a service folder (for service: a workspace root)' }, description: 'Target another service than example-service.', example: 'npx plop --dest example-service endpoint memos "body:text" --json' },
];

const moduleArg = str(MODULE_NAME_PATTERN, 'module name: lower camelCase plural, 2-40 characters, not a reserved word');
const recordedModule = str(MODULE_NAME_PATTERN, 'an existing module recorded in scaffold.json');
const AUTH_FLAG: FlagDoc = {
  flag: '--auth[=<role>]',
  schema: { type: ['boolean', 'string'], description: 'true, or a role name' },
  description: 'Every route of the module needs a signed-in user (401 AUTH.UNAUTHENTICATED), with =<role> one holding that role (403 <SCOPE>.FORBIDDEN; role: lower-case words joined by - or _, ≤ 32 chars); needs npx plop auth first. Required by an owner field.',
  example: 'npx plop endpoint journals "title:string body:text author:owner" --auth --json',
};

const UNIQUE_FLAG: FlagDoc = {
  flag: '--unique=<a,b>',
  schema: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]*(,[a-z][a-zA-Z0-9]*)+( [a-z][a-zA-Z0-9]*(,[a-z][a-zA-Z0-9]*)+)*$', description: 'groups of field names (spec name or <name>Id) joined by commas, groups separated by spaces; = form only' },
  description: 'A unique index over several fields (e.g. one follow per pair): creating or changing a row into a taken combination answers 409 <SCOPE>.CONFLICT. Members may be refs and the owner; not json or secret; one member must take many values (string, number, date, uuid or ref). Recorded in the module\'s record as "unique".',
  example: 'npx plop endpoint pairings "left:ref(customers) right:ref(customers)" --unique=left,right --json',
};

const KEY_FLAG: FlagDoc = {
  flag: '--key=<field>',
  schema: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]*$', description: 'a required unique string or uuid field of the module; = form only' },
  description: 'Address the item routes by this field instead of the id: GET/PATCH/DELETE /<route>/:<field> (and item use cases under it), validated like the field, 404 <SCOPE>.NOT_FOUND when no row has it. A string key holds only letters, digits and - . _ ~ (RFC 3986 unreserved), not starting with .; answers still carry the id. A slug(<field>) field must be the key (derived when a create body has none). Recorded as "key".',
  example: 'npx plop endpoint articles "slug:string! title:string" --key=slug --json',
};

const FILTERS_FLAG: FlagDoc = {
  flag: '--filters',
  schema: { type: 'boolean', description: 'a switch' },
  description: 'The list route filters, sorts and counts: ?<field>= on every scalar, enum and ref field (refs by id), <field>[gte]= and <field>[lte]= on numbers and datetimes, <field>[contains]= (case-insensitive, 1-100 chars) on strings and text, sort=-<field>,<field> (up to 4 fields, then by id), and a total in every page; unknown parameters and bad values answer 400 REQUEST.INVALID. The migration indexes each filtered column. Recorded as "filters".',
  example: 'npx plop endpoint parcels "status:enum(open|sent) weight:decimal sentAt:datetime? label:string" --filters --json',
};

const PARENT_FLAG: FlagDoc = {
  flag: '--parent=<module>',
  schema: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]*$', description: 'a module of the service the new one has a required ref to; = form only' },
  description: 'Nest the routes under one row of that module: /<parent route>/:<param>/<route> and /<parent route>/:<param>/<route>/:id (or the module\'s own --key). <param> is <parentEntity>Id (e.g. invoiceId) for a parent addressed by id, <parentEntity><Key> (e.g. deliveryTrackingCode) for one with --key, validated as the parent\'s item routes do. Needs a required ref to the parent (e.g. invoice:ref(invoices)); bodies never carry it (create takes it from the path, patch cannot move a row), answers do. Every route answers 404 <PARENT>.NOT_FOUND for a missing parent; lists hold the parent\'s rows only; a row of another parent is 404 <SCOPE>.NOT_FOUND. With --filters the list filters, sorts and counts the parent\'s rows. With --auth[=<role>] every route needs a signed-in user (401 before the parent is looked up). Not with an owner or secret field, use cases, a parent with --auth or one itself nested. Recorded as "parent".',
  example: 'npx plop endpoint comments "invoice:ref(invoices) body:text" --parent=invoices --json',
};

const ON_DELETE_FLAG: FlagDoc = {
  flag: '--on-delete=<cascade|restrict>',
  schema: { type: 'string', enum: ['cascade', 'restrict'], description: 'only with --parent; = form only' },
  description: 'What deleting the parent does to its nested rows: cascade deletes them (Prisma onDelete: Cascade, SQL ON DELETE CASCADE); restrict (the default) refuses while it has some (409 <PARENT>.CONFLICT). Recorded as "onDelete" (when given).',
  example: 'npx plop endpoint remarks "invoice:ref(invoices) body:text" --parent=invoices --on-delete=cascade --json',
};

/** `--auth[=<role>]` of `endpoint` and `usecase`. */
const ROLE_SCHEMA = { type: 'string', pattern: '^[a-z][a-z0-9]*([_-][a-z0-9]+)*$', maxLength: 32, description: 'role name, = form only' };

/** Per-generator documentation; plop supplies names, descriptions and argument order. */
export const GENERATOR_DOCS: Record<string, GeneratorDoc> = {
  endpoint: {
    arguments: { name: moduleArg, fields: { $ref: '#/field_grammar' } },
    flags: [AUTH_FLAG, UNIQUE_FLAG, KEY_FLAG, FILTERS_FLAG, PARENT_FLAG, ON_DELETE_FLAG],
    examples: [
      'npx plop endpoint orders "customer:ref(customers) status:enum(pending|paid|shipped)=pending total:decimal" --json',
    ],
  },
  usecase: {
    arguments: { module: recordedModule, name: str(USECASE_NAME_PATTERN, 'use case: lower camelCase, not create/get/list/update/remove') },
    flags: [
      ...USECASE_OPTIONS,
      { flag: '--auth=<role>', schema: ROLE_SCHEMA, description: 'The route also needs this role (403 <SCOPE>.FORBIDDEN otherwise); only on a module generated with --auth (a use case of a protected module is protected already, so plain --auth is refused). Recorded in the use case\'s record as "auth".', example: 'npx plop usecase notes archive --auth=admin --json' },
    ],
    examples: ['npx plop usecase invoices markPaid --json'],
  },
  field: {
    arguments: { module: recordedModule, fields: { $ref: '#/field_grammar' } },
    flags: [
      { flag: '--remove <name>', schema: { type: 'string', description: 'a field of the module' }, description: 'Remove one field in every layer with an ALTER TABLE … DROP COLUMN migration (no fields argument then).', example: 'npx plop field invoices --remove note --json' },
    ],
    examples: ['npx plop field customers "vip:boolean? segment:string=retail" --json'],
  },
  auth: {
    arguments: {},
    flags: [],
    // Not run by the describe test on the example (which has auth already): test/auth-cli.test.ts runs it on a fresh service.
    examples: ['npx plop auth --json'],
  },
  service: {
    arguments: { name: str(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'service folder: lower-case words joined by -') },
    flags: [
      { flag: '--envelope', schema: { type: 'boolean' }, description: 'Wire style of the new service (recorded as "wire" in scaffold.json): every module answers a row as {"<entity>": {…}} and a page as {"<module>": […], "<module>Count": n (filtered lists), "limit", "offset"}.', example: 'npx plop service blog --envelope --json' },
    ],
    examples: ['npx plop service billing --json'],
  },
  destroy: {
    arguments: { name: str(MODULE_NAME_PATTERN, 'a module recorded in scaffold.json') },
    flags: [
      { flag: '--usecase=<name>', schema: str(USECASE_NAME_PATTERN, 'a use case recorded for the module'), description: 'Remove only this use case (its blocks in service, tests, router, schemas, .http and its record); refused when its code was edited by hand, unless --force.', example: 'npx plop destroy invoices --usecase=settle --json' },
      { flag: '--force', schema: { type: 'boolean' }, description: 'Remove even files (or a use case) edited by hand since generation.', example: 'npx plop destroy tags --force --json' },
      { flag: '--confirm-data-loss', schema: { type: 'boolean' }, description: 'Consent to dropping the table when the module\'s create migration is committed (adds a drop-table migration). Required without a terminal; without it the run is refused (exit 2, nothing written). On a terminal it is asked.', example: 'npx plop destroy orders --confirm-data-loss --json' },
    ],
    examples: ['npx plop destroy memos --json'],
  },
  batch: {
    arguments: { plan: { type: 'string', description: 'path of a plan file (.json, .yaml or .yml) matching batch_plan' } },
    flags: [
      { flag: '--commit', schema: { type: 'boolean' }, description: 'After every gate passed, make one git commit holding exactly the batch\'s files: "feat(<service>): batch <name>" then one line per task. Refused up front outside a git work tree or with files already staged.', example: 'npx plop batch docs/examples/suppliers-batch.json --commit --dry-run --json' },
    ],
    examples: ['npx plop batch docs/examples/suppliers-batch.json --dry-run --json'],
  },
  describe: {
    arguments: {},
    flags: [],
    examples: ['npx plop describe --json'],
  },
};

/** The exit codes every generator uses. */
export const EXIT_CODES = { 0: 'ok or planned (dry run)', 1: 'failed: a write, prisma generate or (batch) a gate failed, every change rolled back', 2: 'refused: bad input, lock held or consent missing; nothing written' };

/**
 * The machine-readable description of every generator `npx plop describe --json` prints: the R14
 * result fields plus each generator's arguments (in order, with JSON Schemas), its flags with an
 * example each, examples, the common flags, the field grammar as JSON Schema and the exit codes.
 *
 * @param registered - plop's generators in registration order: name, description, prompts.
 * @returns the description (a JSON-serialisable object).
 */
export function describeGenerators(registered: { name: string; description: string; prompts: { name: string; message: string }[] }[]): object {
  return {
    status: 'ok',
    files_changed: [],
    errors: [],
    next_action: 'Pick a generator, run it with --dry-run --json first, then without --dry-run; then run its next_action.',
    usage: 'npx plop <generator> <arguments in order> [flags]; flags go anywhere before --; without a terminal nothing is asked: a missing argument is refused.',
    generators: registered.map((g) => {
      const doc = GENERATOR_DOCS[g.name] ?? { arguments: {}, flags: [], examples: [] };
      return {
        name: g.name,
        description: g.description,
        arguments: g.prompts.map((p) => ({ name: p.name, description: p.message, required: true, schema: doc.arguments[p.name] ?? { type: 'string' } })),
        flags: doc.flags,
        examples: doc.examples,
      };
    }),
    common_flags: COMMON_FLAGS,
    field_grammar: fieldGrammarSchema(),
    batch_plan: planJsonSchema(),
    result: {
      type: 'object',
      required: ['status', 'files_changed', 'errors', 'next_action'],
      properties: {
        status: { enum: ['ok', 'planned', 'refused', 'failed'] },
        files_changed: { type: 'array', items: { type: 'string' }, description: 'paths relative to the repository root' },
        errors: { type: 'array', items: { type: 'string' } },
        next_action: { type: 'string' },
        steps: { type: 'array', description: 'batch only: one entry per step {step, task, req, generator, command, status, files_changed, objective, errors, plan}' },
        gates: { type: 'object', description: 'batch only, once the gates ran: {status, gates: [{gate, status, errors}], failed, errors, next_action, duration_ms}' },
        commit: { type: 'object', description: 'batch --commit only: {sha, message}' },
        plan: { type: 'array', description: '--dry-run only', items: { type: 'object', properties: { kind: { enum: ['create', 'modify', 'delete'] }, path: { type: 'string' }, added: { type: 'array' }, removed: { type: 'array' } } } },
      },
    },
    exit_codes: EXIT_CODES,
  };
}
