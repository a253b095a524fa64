import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { pageEnvelope } from './envelope.js';
import { buildOpenApiDocument, defineCrudModule } from './openapi.js';
import { listQuery } from './list-query.js';
import { pageQuery } from './schemas.js';

const body = z.strictObject({ title: z.string() });
const spec = (envelope?: { item: string; list: string }, list: z.ZodObject = pageQuery) =>
  defineCrudModule({ path: '/posts', tag: 'posts', scope: 'POST', create: body, update: body.partial(), list, ...(envelope ? { envelope } : {}) });

describe('the wire envelope (service --envelope)', () => {
  it('When a page is enveloped, then its rows are under the list key and a total becomes <list>Count', () => {
    expect(pageEnvelope('posts', { items: [{ id: 1 }], limit: 5, offset: 0 })).toEqual({ posts: [{ id: 1 }], limit: 5, offset: 0 });
    expect(pageEnvelope('posts', { items: [], limit: 5, offset: 10, total: 12 })).toEqual({ posts: [], postsCount: 12, limit: 5, offset: 10 });
  });

  it('When a module declares the envelope, then the document answers its rows under the item key and its pages under the list key', () => {
    const doc = buildOpenApiDocument([spec({ item: 'post', list: 'posts' }, listQuery({ id: 'id', title: 'string' }).in)]) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
      components: { schemas: Record<string, { required?: string[]; properties?: Record<string, unknown> }> };
    };
    const schemaOf = (path: string, method: string, status: string): unknown => doc.paths[path]?.[method]?.responses[status]?.content?.['application/json']?.schema;
    const item = { type: 'object', additionalProperties: false, required: ['post'], properties: { post: { $ref: '#/components/schemas/Posts' } } };
    expect(schemaOf('/posts', 'post', '201')).toEqual(item);
    expect(schemaOf('/posts/{id}', 'get', '200')).toEqual(item);
    expect(schemaOf('/posts/{id}', 'patch', '200')).toEqual(item);
    expect(schemaOf('/posts', 'get', '200')).toEqual({ $ref: '#/components/schemas/PostsCountedPage' });
    expect(doc.components.schemas.PostsCountedPage?.required).toEqual(['posts', 'limit', 'offset', 'postsCount']);
  });

  it('When a module has no envelope, then rows are answered as they are and pages hold items', () => {
    const doc = buildOpenApiDocument([spec()]) as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>; components: { schemas: Record<string, { required?: string[] }> } };
    expect(doc.paths['/posts/{id}']?.get?.responses['200']?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Posts' });
    expect(doc.components.schemas.PostsPage?.required).toEqual(['items', 'limit', 'offset']);
  });
});
