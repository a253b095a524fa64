import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../app.js';
import { composeInMemoryServices } from '../../../composition-root.js';
import { checkedRequest } from '../common/openapi-testing.js';
import { buildNewInvoice } from '../../services/invoices/index.js';
import { buildNewInvoiceLine, buildOtherInvoiceLine, type NewInvoiceLine } from '../../services/invoiceLines/index.js';

const log = pino({ level: 'silent' });
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
/** The body a client sends for a fixture: every field but the parent ref, which the path names. */
const bodyOf = ({ invoiceId: _parent, ...body }: NewInvoiceLine): object => body;

describe('/invoices/:invoiceId/invoice-lines routes', () => {
  let app: ReturnType<typeof createApp>;
  let services: ReturnType<typeof composeInMemoryServices>;
  /** The path of the invoiceLines of a invoice: `/invoices/:invoiceId/invoice-lines`. */
  let base: string;
  /** The same under another invoice. */
  let otherBase: string;
  let parentId: number;
  beforeEach(async () => {
    services = composeInMemoryServices(log);
    app = createApp({ services, log, checkReady: async () => {} });
    const parent = await services.invoices.create(buildNewInvoice());
    const other = await services.invoices.create(buildNewInvoice());
    parentId = parent.id;
    base = `/invoices/${parent.id}/invoice-lines`;
    otherBase = `/invoices/${other.id}/invoice-lines`;
  });
  const missingBase = '/invoices/999999/invoice-lines';
  const create = async (input = buildNewInvoiceLine(), under = base): Promise<{ id: number }> =>
    (await checkedRequest(app).post(under).send(bodyOf(input)).expect(201)).body as { id: number };
  /** The item path of a created row: `/invoices/:invoiceId/invoice-lines/:id`. */
  const pathOf = (row: { id: number }, under = base): string => `${under}/${row.id}`;

  describe('POST /invoices/:invoiceId/invoice-lines', () => {
    it('When the body is valid, then 201 with the stored invoice line, pointing at the invoice of the path', async () => {
      const input = buildNewInvoiceLine();
      const res = await checkedRequest(app).post(base).send(bodyOf(input)).expect(201);
      expect(res.body).toMatchObject({ id: expect.any(Number), ...(json(bodyOf(input)) as object), invoiceId: parentId });
    });
    it('When the body names the parent ref, then 400 REQUEST.INVALID (the path names it)', async () => {
      const res = await checkedRequest(app).post(base).send(buildNewInvoiceLine({ invoiceId: parentId })).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
    it('When the invoice does not exist, then 404 INVOICE.NOT_FOUND', async () => {
      const res = await checkedRequest(app).post(missingBase).send(bodyOf(buildNewInvoiceLine())).expect(404);
      expect(res.body.code).toBe('INVOICE.NOT_FOUND');
    });
  });

  describe('GET /invoices/:invoiceId/invoice-lines', () => {
    it('When the invoice has invoiceLines, then 200 with a page of its own only', async () => {
      const created = await create();
      await create(buildOtherInvoiceLine(), otherBase);
      const res = await checkedRequest(app).get(`${base}?limit=10&offset=0`).expect(200);
      expect(res.body).toMatchObject({ limit: 10, offset: 0 });
      expect(res.body.items.map((item: { id: number }) => item.id)).toEqual([created.id]);
    });
    it('When the invoice does not exist, then 404 INVOICE.NOT_FOUND', async () => {
      const res = await checkedRequest(app).get(missingBase).expect(404);
      expect(res.body.code).toBe('INVOICE.NOT_FOUND');
    });
    it('When the query names the parent ref, then 400 REQUEST.INVALID (the list is the parent\'s own)', async () => {
      const res = await checkedRequest(app).get(`${base}?invoiceId=${parentId}`).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
    it('When the limit is over the cap, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).get(`${base}?limit=100000`).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('GET /invoices/:invoiceId/invoice-lines/:id', () => {
    it('When the invoice line exists under the invoice, then 200 with it', async () => {
      const input = buildNewInvoiceLine();
      const created = await create(input);
      const res = await checkedRequest(app).get(pathOf(created)).expect(200);
      expect(res.body).toMatchObject({ id: created.id, ...(json(bodyOf(input)) as object), invoiceId: parentId });
    });
    it('When the invoice line belongs to another invoice, then 404 INVOICE_LINE.NOT_FOUND', async () => {
      const created = await create();
      const res = await checkedRequest(app).get(pathOf(created, otherBase)).expect(404);
      expect(res.body.code).toBe('INVOICE_LINE.NOT_FOUND');
    });
    it('When the invoice does not exist, then 404 INVOICE.NOT_FOUND', async () => {
      const created = await create();
      const res = await checkedRequest(app).get(pathOf(created, missingBase)).expect(404);
      expect(res.body.code).toBe('INVOICE.NOT_FOUND');
    });
    it('When no invoice line has the id, then 404 INVOICE_LINE.NOT_FOUND', async () => {
      const res = await checkedRequest(app).get(`${base}/999999`).expect(404);
      expect(res.body.code).toBe('INVOICE_LINE.NOT_FOUND');
    });
    it('When the id is invalid, then 400 REQUEST.INVALID', async () => {
      const res = await checkedRequest(app).get(`${base}/${'abc'}`).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('PATCH /invoices/:invoiceId/invoice-lines/:id', () => {
    it('When the patch is valid, then 200 with the changed invoice line, still under its invoice', async () => {
      const created = await create();
      const change = bodyOf(buildOtherInvoiceLine());
      const res = await checkedRequest(app).patch(pathOf(created)).send(change).expect(200);
      expect(res.body).toMatchObject({ id: created.id, ...(json(change) as object), invoiceId: parentId });
    });
    it('When the patch names the parent ref, then 400 REQUEST.INVALID (a invoice line never moves)', async () => {
      const created = await create();
      const res = await checkedRequest(app).patch(pathOf(created)).send({ invoiceId: parentId }).expect(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
    });
    it('When the invoice line belongs to another invoice, then 404 INVOICE_LINE.NOT_FOUND', async () => {
      const created = await create();
      const res = await checkedRequest(app).patch(pathOf(created, otherBase)).send(bodyOf(buildOtherInvoiceLine())).expect(404);
      expect(res.body.code).toBe('INVOICE_LINE.NOT_FOUND');
    });
  });

  describe('DELETE /invoices/:invoiceId/invoice-lines/:id', () => {
    it('When the invoice line exists, then 204 and it is gone', async () => {
      const created = await create();
      await checkedRequest(app).delete(pathOf(created)).expect(204);
      await checkedRequest(app).get(pathOf(created)).expect(404);
    });
    it('When the invoice line belongs to another invoice, then 404 INVOICE_LINE.NOT_FOUND and it stays', async () => {
      const created = await create();
      const res = await checkedRequest(app).delete(pathOf(created, otherBase)).expect(404);
      expect(res.body.code).toBe('INVOICE_LINE.NOT_FOUND');
      await checkedRequest(app).get(pathOf(created)).expect(200);
    });
  });
  // scaffold:usecase-route-tests
});
