import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plopJson } from './support/agent.js';
import { freshEnv, listeningPort, startProcess, waitForStatus, type Started } from './support/clean-tree.js';
import { REPO_ROOT } from './support/workspace.js';

// Issue #11, must-show 1: a small publishing domain built with generator commands only, in a
// service created with the wire envelope (`service blog --envelope`): authors addressed by a unique
// handle (`--key`); posts with a derived slug key, a ref to their author and many-to-many labels;
// comments nested under posts (with labels and filters); follows with two named refs to authors, a composite unique and list
// filters. `npm run check` passes, then the running service answers lookups by key, nesting 404s,
// each kind of filter, sort, counts, the envelope and RFC 9457 problem details over HTTP.
const CHECK_TIMEOUT = 900_000;
const STEPS: string[][] = [
  ['endpoint', 'authors', 'handle:string! name:string bio:text?', '--key=handle'],
  ['endpoint', 'labels', 'name:string!'],
  ['endpoint', 'posts', 'slug:slug(title)! title:string body:text author:ref(authors) views:int=0 labels:refs(labels)', '--key=slug'],
  ['endpoint', 'comments', 'post:ref(posts) body:text labels:refs(labels)', '--parent=posts', '--on-delete=cascade', '--filters'],
  ['endpoint', 'follows', 'follower:ref(authors) followed:ref(authors) weight:int=1 since:datetime=now note:string?', '--unique=follower,followed', '--filters'],
  ['usecase', 'posts', 'publish'],
];

interface Answer {
  status: number;
  type: string;
  body: Record<string, unknown>;
}

describe('a publishing domain (issue 11): keys, nesting, links, named refs, composite unique, filters, envelope', () => {
  let root: string;
  let service: string;
  beforeAll(() => {
    mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
    root = mkdtempSync(join(REPO_ROOT, '.tmp', 'publishing-'));
    writeFileSync(join(root, 'package.json'), '{\n  "name": "publishing",\n  "private": true,\n  "workspaces": []\n}\n');
    service = join(root, 'blog');
    for (const args of [['service', 'blog', '--envelope'], ...STEPS]) {
      const { status, json } = plopJson(args[0] === 'service' ? root : service, args);
      expect(json.errors, args.join(' ')).toEqual([]);
      expect(status).toBe(0);
    }
  }, CHECK_TIMEOUT);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('When the domain is generated, then scaffold.json records the envelope and every module, and npm run check passes', () => {
    const manifest = JSON.parse(readFileSync(join(service, 'scaffold.json'), 'utf8')) as { wire: unknown; modules: { name: string }[] };
    expect(manifest.wire).toEqual({ envelope: true });
    expect(manifest.modules.map((m) => m.name)).toEqual(['authors', 'labels', 'posts', 'comments', 'follows']);
    const out = spawnSync('npm', ['run', '-s', 'check', '--', '--json'], {
      cwd: service, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: CHECK_TIMEOUT,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    expect(out.stdout.trim(), `exit ${out.status ?? out.signal}\n${out.stderr}`).toMatch(/^\{/);
    const report = JSON.parse(out.stdout) as { status: string; errors: unknown[] };
    expect(report.errors).toEqual([]);
    expect(report.status).toBe('passed');
  }, CHECK_TIMEOUT);

  describe('over HTTP (the service running on its embedded database)', () => {
    let started: Started;
    let base: string;
    const call = async (method: string, path: string, body?: unknown): Promise<Answer> => {
      const res = await fetch(`${base}${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, type: res.headers.get('content-type') ?? '', body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
    };
    /** Asserts an RFC 9457 answer: the status, `application/problem+json` and the stable code. */
    const problem = (answer: Answer, status: number, code: string): void => {
      expect(answer.type).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({ type: 'about:blank', status, code, title: expect.any(String), detail: expect.any(String) });
      expect(answer.status).toBe(status);
    };
    const row = (answer: Answer, key: string, status = 200): Record<string, unknown> => {
      expect(answer.status, JSON.stringify(answer.body)).toBe(status);
      expect(Object.keys(answer.body)).toEqual([key]);
      return answer.body[key] as Record<string, unknown>;
    };
    const ids = (answer: Answer, list: string): unknown[] => (answer.body[list] as { id: unknown }[]).map((r) => r.id);

    beforeAll(async () => {
      started = startProcess([join(REPO_ROOT, 'node_modules/.bin/tsx'), 'src/main.ts'], service, freshEnv({ NODE_ENV: 'test', PORT: '0', DATA_DIR: join(root, 'pglite'), RATE_LIMIT_MAX: '100000' }));
      const { port } = await listeningPort(started);
      base = `http://127.0.0.1:${port}`;
      await waitForStatus(`${base}/readyz`, started);
    }, 180_000);
    afterAll(async () => {
      started.child.kill('SIGTERM');
      await started.exited;
    });

    it('When rows are created and read by key, then each answers under its entity, lists under the module with a count when filtered, and misses are problem details', async () => {
      const ada = row(await call('POST', '/authors', { handle: 'ada', name: 'Ada' }), 'author', 201);
      const bob = row(await call('POST', '/authors', { handle: 'bob', name: 'Bob' }), 'author', 201);
      expect(row(await call('GET', '/authors/ada'), 'author')).toMatchObject({ id: ada.id, handle: 'ada' });
      problem(await call('GET', '/authors/nobody'), 404, 'AUTHOR.NOT_FOUND');
      problem(await call('POST', '/authors', { handle: 'ada', name: 'Another' }), 409, 'AUTHOR.CONFLICT');
      const invalid = await call('POST', '/authors', { handle: 'x', name: 1 });
      problem(invalid, 400, 'REQUEST.INVALID');
      expect(invalid.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'body.name' })]));

      const news = row(await call('POST', '/labels', { name: 'news' }), 'label', 201);
      const tech = row(await call('POST', '/labels', { name: 'tech' }), 'label', 201);
      const first = row(await call('POST', '/posts', { title: 'Hello, World!', body: 'First.', authorId: ada.id, labels: [tech.id, news.id] }), 'post', 201);
      const second = row(await call('POST', '/posts', { title: 'hello world', body: 'Second.', authorId: bob.id, labels: [tech.id] }), 'post', 201);
      expect([first.slug, second.slug]).toEqual(['hello-world', 'hello-world-2']);
      expect(first.labels).toEqual([news.id, tech.id].sort((a, b) => Number(a) - Number(b)));
      expect(row(await call('GET', '/posts/hello-world-2'), 'post')).toMatchObject({ id: second.id, authorId: bob.id });
      problem(await call('POST', '/posts', { title: 'Broken', body: 'x', authorId: ada.id, labels: [999999] }), 422, 'POST.INVALID');
      const page = await call('GET', `/posts?labels=${news.id}`);
      expect(page.status).toBe(200);
      expect(Object.keys(page.body).sort()).toEqual(['limit', 'offset', 'posts']);
      expect(ids(page, 'posts')).toEqual([first.id]);
      expect(ids(await call('GET', `/posts?labels=${tech.id}&authorId=${bob.id}`), 'posts')).toEqual([second.id]);
      expect(row(await call('POST', '/posts/hello-world/publish'), 'post')).toMatchObject({ id: first.id });

      const comment = row(await call('POST', '/posts/hello-world/comments', { body: 'Nice.', labels: [news.id] }), 'comment', 201);
      expect(comment).toMatchObject({ postId: first.id, body: 'Nice.', labels: [news.id] });
      row(await call('POST', '/posts/hello-world/comments', { body: 'Plain.' }), 'comment', 201);
      expect(ids(await call('GET', `/posts/hello-world/comments?labels=${String(news.id)}`), 'comments')).toEqual([comment.id]);
      expect(ids(await call('GET', '/posts/hello-world-2/comments'), 'comments')).toEqual([]);
      expect((await call('GET', '/posts/hello-world/comments?body[contains]=NICE')).body).toMatchObject({ comments: [{ id: comment.id }], commentsCount: 1 });
      problem(await call('GET', `/posts/hello-world/comments?postId=${String(first.id)}`), 400, 'REQUEST.INVALID');
      problem(await call('GET', '/posts/no-such-post/comments'), 404, 'POST.NOT_FOUND');
      problem(await call('GET', `/posts/hello-world-2/comments/${String(comment.id)}`), 404, 'COMMENT.NOT_FOUND');
      expect(row(await call('GET', `/posts/hello-world/comments/${String(comment.id)}`), 'comment')).toMatchObject({ id: comment.id });

      const adaFollowsBob = row(await call('POST', '/follows', { followerId: ada.id, followedId: bob.id, weight: 3, note: 'Old Friend', since: '2026-01-01T00:00:00.000Z' }), 'follow', 201);
      const bobFollowsAda = row(await call('POST', '/follows', { followerId: bob.id, followedId: ada.id, since: '2026-06-01T00:00:00.000Z' }), 'follow', 201);
      problem(await call('POST', '/follows', { followerId: ada.id, followedId: bob.id }), 409, 'FOLLOW.CONFLICT');
      problem(await call('POST', '/follows', { followerId: ada.id, followedId: 999999 }), 422, 'FOLLOW.INVALID');
      const all = await call('GET', '/follows?sort=-weight');
      expect(all.body).toMatchObject({ followsCount: 2, limit: 20, offset: 0 });
      expect(ids(all, 'follows')).toEqual([adaFollowsBob.id, bobFollowsAda.id]);
      expect(ids(await call('GET', '/follows?sort=weight'), 'follows')).toEqual([bobFollowsAda.id, adaFollowsBob.id]);
      const filtered: [string, unknown[]][] = [
        [`followerId=${String(bob.id)}`, [bobFollowsAda.id]],
        ['weight[gte]=2', [adaFollowsBob.id]],
        ['weight[lte]=2', [bobFollowsAda.id]],
        ['since[gte]=2026-03-01T00:00:00Z', [bobFollowsAda.id]],
        ['since[lte]=2026-03-01T00:00:00Z', [adaFollowsBob.id]],
        ['note[contains]=FRIEND', [adaFollowsBob.id]],
        ['note[contains]=enemy', []],
      ];
      for (const [query, expected] of filtered) {
        const answer = await call('GET', `/follows?${query}`);
        expect(ids(answer, 'follows'), query).toEqual(expected);
        expect(answer.body.followsCount, query).toBe(expected.length);
      }
      expect((await call('GET', '/follows?limit=1&sort=-weight')).body).toMatchObject({ followsCount: 2, follows: [{ id: adaFollowsBob.id }] });
      problem(await call('GET', '/follows?bogus=1'), 400, 'REQUEST.INVALID');
      problem(await call('GET', '/follows?sort=password'), 400, 'REQUEST.INVALID');
      problem(await call('GET', `/follows?note[contains]=${'x'.repeat(300)}`), 400, 'REQUEST.INVALID');

      expect((await call('DELETE', '/posts/hello-world')).status).toBe(204);
      problem(await call('GET', `/posts/hello-world/comments/${String(comment.id)}`), 404, 'POST.NOT_FOUND');
    }, 120_000);
  });
});
