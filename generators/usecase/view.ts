import { endpointView, type ModuleShape } from '../endpoint/view.js';
import { SCHEMA_HELPERS } from '../field-types.js';
import { GeneratorInputError } from '../errors.js';
import type { Field } from '../fields.js';
import type { ModuleNames } from '../naming.js';
import { usecaseNames } from './render.js';
import { inputFields, isDefaultShape, shapeOf, type InputField, type UsecaseRecord } from './shape.js';

const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const jsonObject = (fields: InputField[]): string => `{ ${fields.map((f) => `"${f.name}": ${f.json}`).join(', ')} }`;
const tsObject = (fields: InputField[]): string => `{ ${fields.map((f) => `${f.name}: ${f.ts}`).join(', ')} }`;

/**
 * The Handlebars view of one use case: the module's endpoint view, the use case's names, and its
 * shape spelled out for the fragments (route path, schemas, service parameters, call arguments,
 * examples). The default shape (`POST` item, no input, answers the row) sets `isDefault`, which
 * keeps its fragments exactly as `usecase` wrote them before shapes existed.
 *
 * @param names - the module's names.
 * @param fields - its fields.
 * @param record - the use case's record (plain name or shaped).
 * @param auth - the module's `--auth` (true) or its role: its routes need a token (and that role).
 * @param moduleShape - the module's `--key` (its item routes are `/<route>/:<key>`) and the service's wire envelope.
 * @returns the view.
 * @throws {GeneratorInputError} when the name or a body/query spec is invalid for this module.
 */
export function usecaseView(names: ModuleNames, fields: Field[], record: UsecaseRecord, auth?: true | string, moduleShape: Pick<ModuleShape, 'key' | 'envelope'> = {}): Record<string, unknown> {
  const { name, shape } = shapeOf(record);
  const un = usecaseNames(name);
  const Usecase = pascal(un.usecase);
  const base = endpointView(names, fields, auth, [], moduleShape) as Record<string, unknown>;
  const itemParam = base.itemParam as string;
  const bodyFields = shape.body === undefined ? [] : inputFields(shape.body, 'body', `${names.Entity}${Usecase}`);
  const queryFields = shape.query === undefined ? [] : inputFields(shape.query, 'query', `${names.Entity}${Usecase}`);
  const clash = queryFields.find((q) => bodyFields.some((b) => b.name === q.name));
  if (clash) throw new GeneratorInputError(`"${clash.name}" is in both --body and --query: give it once.`);
  const isItem = shape.scope === 'item';
  const hasBody = bodyFields.length > 0;
  const returnsList = shape.returns === 'list';
  const hasQueryFields = queryFields.length > 0;
  const hasQuery = hasQueryFields || returnsList;
  const BodyType = `${names.Entity}${Usecase}Input`;
  const QueryType = `${names.Entity}${Usecase}Query`;
  const bodySchema = `${names.entity}${Usecase}Body`;
  const querySchema = `${names.entity}${Usecase}Query`;
  // Service parameters, in order: id, input, page, query.
  const params: { decl: string; impl: string; doc: string; call: string; test: string }[] = [];
  if (isItem) params.push({ decl: 'id: number', impl: 'id: number', doc: '@param id - its id.', call: base.itemId as string, test: 'created.id' });
  if (hasBody) params.push({ decl: `input: ${BodyType}`, impl: `_input: ${BodyType}`, doc: '@param input - the validated request body.', call: 'body', test: tsObject(bodyFields) });
  if (returnsList) params.push({ decl: 'page: PageRequest', impl: 'page: PageRequest', doc: '@param page - limit and offset.', call: hasQueryFields ? '{ limit, offset }' : 'query', test: '{ limit: 10, offset: 0 }' });
  if (hasQueryFields) params.push({ decl: `query: ${QueryType}`, impl: `_query: ${QueryType}`, doc: '@param query - the validated query.', call: returnsList ? 'filter' : 'query', test: tsObject(queryFields) });
  const parts = [isItem ? 'params' : '', hasQuery ? 'query' : '', hasBody ? 'body' : ''].filter(Boolean);
  const schemas = [isItem ? `params: ${names.entity}IdParams` : '', hasQuery ? `query: ${querySchema}` : '', hasBody ? `body: ${bodySchema}` : ''].filter(Boolean);
  const queryString = queryFields.length ? `?${queryFields.map((f) => `${f.name}=${f.queryValue}`).join('&')}` : '';
  const status = shape.returns === 'none' ? 204 : 200;
  const path = isItem ? `/:${itemParam}/${un.usecaseRoute}` : `/${un.usecaseRoute}`;
  const action = [
    `name: '${un.usecaseRoute}'`,
    `method: '${shape.method.toLowerCase()}'`,
    `scope: '${shape.scope}'`,
    ...(hasBody ? [`body: ${bodySchema}`] : []),
    ...(hasQuery ? [`query: ${querySchema}`] : []),
    `returns: '${shape.returns}'`,
    ...(shape.auth !== undefined ? [`role: '${shape.auth}'`] : []),
  ].join(', ');
  return {
    ...base,
    ...un,
    ...shape,
    Usecase,
    isDefault: isDefaultShape(shape),
    /** `--auth=<role>` of the use case: its route also needs this role. */
    usecaseRole: shape.auth ?? false,
    /** The role its `.http` request lacks (the use case's, else the module's): the 403 is asserted. */
    httpRole: shape.auth ?? (base.role as string | false | undefined) ?? false,
    METHOD: shape.method,
    method: shape.method.toLowerCase(),
    isItem,
    isCollection: !isItem,
    returnsEntity: shape.returns === 'entity',
    returnsList,
    returnsNone: shape.returns === 'none',
    status,
    hasBody,
    hasQuery,
    hasQueryFields,
    bodyFields,
    queryFields,
    BodyType,
    QueryType,
    bodySchema,
    querySchema,
    routePath: path,
    routeTitle: `${shape.method} /${names.route}${path}`,
    routeSchemas: schemas.length ? `{ ${schemas.join(', ')} }` : '{}',
    handlerArg: parts.length ? `{ ${parts.join(', ')} }` : '_input',
    splitPage: returnsList && hasQueryFields,
    callArgs: params.map((p) => p.call).join(', '),
    declParams: params.map((p) => p.decl).join(', '),
    implParams: params.map((p) => p.impl).join(', '),
    paramDocs: params.map((p) => p.doc),
    testArgs: params.map((p) => p.test).join(', '),
    missingArgs: params.map((p) => (p.call === base.itemId ? '999' : p.test)).join(', '),
    returnType: shape.returns === 'entity' ? names.Entity : shape.returns === 'list' ? `Page<${names.Entity}>` : 'void',
    bodyJson: jsonObject(bodyFields),
    bodyBad: `{ ...${jsonObject(bodyFields)}, "unknownField": 1 }`,
    queryString,
    badQueryString: `${queryString ? `${queryString}&` : '?'}unknownParam=1`,
    send: hasBody ? `.send(${jsonObject(bodyFields)})` : '',
    missingUrl: `/${names.route}/${String(base.absentSegment)}/${un.usecaseRoute}${queryString}`,
    url: isItem ? `/${names.route}/\${created.${itemParam}}/${un.usecaseRoute}` : `/${names.route}/${un.usecaseRoute}`,
    action,
  };
}

/**
 * The value schemas of `api/common` (see SCHEMA_HELPERS) that recorded use cases' bodies and
 * queries use, so the module's schemas file imports them whatever its own fields are.
 *
 * @param names - the module's names.
 * @param usecases - its recorded use cases.
 * @returns helper names, possibly repeated.
 * @throws {GeneratorInputError} when a recorded body/query spec no longer parses.
 */
export function usecaseSchemaHelpers(names: ModuleNames, usecases: UsecaseRecord[]): string[] {
  return usecases.flatMap((record) => {
    const { name, shape } = shapeOf(record);
    const owner = `${names.Entity}${pascal(name)}`;
    const inputs = [
      ...(shape.body === undefined ? [] : inputFields(shape.body, 'body', owner)),
      ...(shape.query === undefined ? [] : inputFields(shape.query, 'query', owner)),
    ];
    // A page query extends `pageQuery`, which a `--filters` module's schemas do not import otherwise.
    return [...SCHEMA_HELPERS.filter((h) => inputs.some((f) => new RegExp(`\\b${h}\\b`).test(f.zod))), ...(shape.returns === 'list' ? ['pageQuery'] : [])];
  });
}

/**
 * Rewrites a module's schemas file import of `api/common` when the use cases change which value
 * schemas it needs (the line the endpoint template writes, so regeneration agrees).
 *
 * @param path - the schemas file, for messages.
 * @param content - its current content.
 * @param importsOf - the import list for a set of use cases (the endpoint view's `schemaImports`).
 * @param before - the recorded use cases before the change.
 * @param after - the use cases after it.
 * @returns the content with the import line updated (unchanged when the list is the same).
 * @throws {GeneratorInputError} when the generated import line is not there (edited by hand).
 */
export function withSchemaImports(path: string, content: string, importsOf: (usecases: UsecaseRecord[]) => string, before: UsecaseRecord[], after: UsecaseRecord[]): string {
  const line = (list: string): string => `import { ${list} } from '../common/index.js';`;
  const [from, to] = [line(importsOf(before)), line(importsOf(after))];
  if (from === to) return content;
  const lines = content.split('\n');
  const at = lines.indexOf(from);
  if (at < 0) throw new GeneratorInputError(`${path}: its generated line "${from}" was edited by hand; restore it, or add the import by hand.`);
  lines[at] = to;
  return lines.join('\n');
}
