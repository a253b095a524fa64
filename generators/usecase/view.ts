import { endpointView } from '../endpoint/view.js';
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
 * @param auth - the module's `--auth` (true): its routes need a token.
 * @returns the view.
 * @throws {GeneratorInputError} when the name or a body/query spec is invalid for this module.
 */
export function usecaseView(names: ModuleNames, fields: Field[], record: UsecaseRecord, auth?: true): Record<string, unknown> {
  const { name, shape } = shapeOf(record);
  const un = usecaseNames(name);
  const Usecase = pascal(un.usecase);
  const base = endpointView(names, fields, auth) as Record<string, unknown>;
  const usesDecimal = base.usesDecimal === true;
  const bodyFields = shape.body === undefined ? [] : inputFields(shape.body, 'body', `${names.Entity}${Usecase}`, usesDecimal);
  const queryFields = shape.query === undefined ? [] : inputFields(shape.query, 'query', `${names.Entity}${Usecase}`, usesDecimal);
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
  if (isItem) params.push({ decl: 'id: number', impl: 'id: number', doc: '@param id - its id.', call: 'params.id', test: 'created.id' });
  if (hasBody) params.push({ decl: `input: ${BodyType}`, impl: `_input: ${BodyType}`, doc: '@param input - the validated request body.', call: 'body', test: tsObject(bodyFields) });
  if (returnsList) params.push({ decl: 'page: PageRequest', impl: 'page: PageRequest', doc: '@param page - limit and offset.', call: hasQueryFields ? '{ limit, offset }' : 'query', test: '{ limit: 10, offset: 0 }' });
  if (hasQueryFields) params.push({ decl: `query: ${QueryType}`, impl: `_query: ${QueryType}`, doc: '@param query - the validated query.', call: returnsList ? 'filter' : 'query', test: tsObject(queryFields) });
  const parts = [isItem ? 'params' : '', hasQuery ? 'query' : '', hasBody ? 'body' : ''].filter(Boolean);
  const schemas = [isItem ? `params: ${names.entity}IdParams` : '', hasQuery ? `query: ${querySchema}` : '', hasBody ? `body: ${bodySchema}` : ''].filter(Boolean);
  const queryString = queryFields.length ? `?${queryFields.map((f) => `${f.name}=${f.queryValue}`).join('&')}` : '';
  const status = shape.returns === 'none' ? 204 : 200;
  const path = isItem ? `/:id/${un.usecaseRoute}` : `/${un.usecaseRoute}`;
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
    missingArgs: params.map((p) => (p.call === 'params.id' ? '999' : p.test)).join(', '),
    returnType: shape.returns === 'entity' ? names.Entity : shape.returns === 'list' ? `Page<${names.Entity}>` : 'void',
    bodyJson: jsonObject(bodyFields),
    bodyBad: `{ ...${jsonObject(bodyFields)}, "unknownField": 1 }`,
    queryString,
    badQueryString: `${queryString ? `${queryString}&` : '?'}unknownParam=1`,
    send: hasBody ? `.send(${jsonObject(bodyFields)})` : '',
    itemUrl: `/${names.route}/\${id}/${un.usecaseRoute}${queryString}`,
    missingUrl: `/${names.route}/999999/${un.usecaseRoute}${queryString}`,
    url: isItem ? `/${names.route}/\${id}/${un.usecaseRoute}` : `/${names.route}/${un.usecaseRoute}`,
    action,
  };
}
