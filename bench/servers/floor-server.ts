/**
 * The HTTP floor: a bare Express 5 app doing the same work as the generated `invoices` routes —
 * JSON body parsing, store, answer — with no validation, layering or logging.
 * Env: PORT; BENCH_ADAPTER=memory (a Map) | pg (raw `pg` queries, pool of 10 like the service's
 * Prisma adapter, on DATABASE_URL's already-migrated `invoices` table).
 */
import express from 'express';
import pg from 'pg';

interface Row { id: number; [k: string]: unknown }
const app = express();
app.use(express.json({ limit: '100kb' }));
app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});
const limitOf = (q: unknown): number => Number((q as { limit?: string }).limit ?? 20);
const offsetOf = (q: unknown): number => Number((q as { offset?: string }).offset ?? 0);

if (process.env.BENCH_ADAPTER === 'pg') {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const cols = 'id, number, amount, paid, "dueAt", note, "createdAt", "updatedAt"';
  app.post('/invoices', async (req, res) => {
    const b = req.body as Record<string, unknown>;
    const { rows } = await pool.query(
      `INSERT INTO invoices (number, amount, paid, "dueAt", note, "updatedAt") VALUES ($1, $2, $3, $4, $5, now()) RETURNING ${cols}`,
      [b.number, b.amount, b.paid, b.dueAt ?? null, b.note ?? null],
    );
    res.status(201).json(rows[0]);
  });
  app.get('/invoices', async (req, res) => {
    const limit = limitOf(req.query);
    const offset = offsetOf(req.query);
    const { rows } = await pool.query(`SELECT ${cols} FROM invoices ORDER BY id LIMIT $1 OFFSET $2`, [limit, offset]);
    res.json({ items: rows, limit, offset });
  });
  app.get('/invoices/:id', async (req, res) => {
    const { rows } = await pool.query(`SELECT ${cols} FROM invoices WHERE id = $1`, [Number(req.params.id)]);
    if (rows.length === 0) res.status(404).json({ error: { code: 'INVOICE.NOT_FOUND' } });
    else res.json(rows[0]);
  });
} else {
  const rows = new Map<number, Row>();
  let nextId = 1;
  app.post('/invoices', (req, res) => {
    const b = req.body as Record<string, unknown>;
    const now = new Date();
    const row: Row = { id: nextId++, ...b, dueAt: b.dueAt ?? null, note: b.note ?? null, createdAt: now, updatedAt: now };
    rows.set(row.id, row);
    res.status(201).json(row);
  });
  app.get('/invoices', (req, res) => {
    const limit = limitOf(req.query);
    const offset = offsetOf(req.query);
    res.json({ items: [...rows.values()].slice(offset, offset + limit), limit, offset });
  });
  app.get('/invoices/:id', (req, res) => {
    const row = rows.get(Number(req.params.id));
    if (!row) res.status(404).json({ error: { code: 'INVOICE.NOT_FOUND' } });
    else res.json(row);
  });
}
app.listen(Number(process.env.PORT), '127.0.0.1');

// Exit on signals so `--cpu-prof` profiles are written.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
