import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { composeInMemoryServices } from '../src/composition-root.js';
import { createRootLogger } from '../src/logger.js';
import { logSink } from './reliability/support.js';

function appWithSink() {
  const { stream, lines } = logSink();
  const log = createRootLogger({ level: 'debug', pretty: false, destination: stream });
  const app = createApp({ services: composeInMemoryServices(log), log, checkReady: async () => {} });
  return { app, lines };
}

describe('request logging', () => {
  it('When a request carries x-request-id, then it is echoed and every log line of the request carries it', async () => {
    const { app, lines } = appWithSink();
    const res = await request(app)
      .post('/customers')
      .set('x-request-id', 'req-42')
      .send({ name: 'Ada', email: 'ada@example.com', password: 'not-a-field' })
      .expect(400);
    expect(res.headers['x-request-id']).toBe('req-42');
    await request(app).post('/customers').set('x-request-id', 'req-43').send({ name: 'Ada', email: 'ada@example.com' }).expect(201);
    await request(app).get('/customers/999').set('x-request-id', 'req-44').expect(404);
    expect(lines.length).toBeGreaterThan(6);
    for (const line of lines) {
      const id = line.reqId ?? line.req?.id;
      expect(['req-42', 'req-43', 'req-44'], JSON.stringify(line)).toContain(id);
    }
  });

  it('When functions log, then every message starts with [Module:function]', async () => {
    const { app, lines } = appWithSink();
    await request(app).post('/invoices').send({ number: 'INV-1', amount: '12.50', paid: false }).expect(201);
    await request(app).get('/invoices/1').expect(200);
    const fnLines = lines.filter((line) => line.fn !== undefined);
    expect(fnLines.map((l) => l.msg)).toEqual(expect.arrayContaining(['[InvoicesApi:create] called', '[Invoices:create] called', '[Invoices:create] done', '[InvoicesMemory:findById] done']));
    for (const line of fnLines) expect(line.msg.startsWith(`[${line.module}:${line.fn}] `), line.msg).toBe(true);
  });

  it('When the client sends no usable id, then one is generated (oversize and newline ids are replaced)', async () => {
    const { app } = appWithSink();
    for (const header of [undefined, 'a'.repeat(500), 'evil\nline']) {
      const req = request(app).get('/healthz');
      if (header !== undefined) req.set('x-request-id', header.replace('\n', ' '));
      const res = await req.expect(200);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('When a body holds a password, then the log line shows it redacted', async () => {
    const { app, lines } = appWithSink();
    await request(app).post('/customers').set('authorization', 'Bearer s3cret').send({ name: 'A', email: 'a@b.c' }).expect(201);
    const text = JSON.stringify(lines);
    expect(text).not.toContain('s3cret');
  });
});
