import { Router } from 'express';
import type { Logger } from '../services/common/index.js';
import type { RateLimitStoreFactory } from './common/index.js';
import type { AuthService } from '../services/auth/index.js';
import { authSettings, createAuthRouter } from './auth/index.js';
import type { CustomersService } from '../services/customers/index.js';
import { createCustomersRouter } from './customers/index.js';
import type { InvoicesService } from '../services/invoices/index.js';
import { createInvoicesRouter } from './invoices/index.js';
import type { ReceiptsService } from '../services/receipts/index.js';
import { createReceiptsRouter } from './receipts/index.js';
import type { NotesService } from '../services/notes/index.js';
import { createNotesRouter } from './notes/index.js';
import type { ReferralsService } from '../services/referrals/index.js';
import { createReferralsRouter } from './referrals/index.js';
import type { DeliveriesService } from '../services/deliveries/index.js';
import { createDeliveriesRouter } from './deliveries/index.js';
import type { InvoiceLinesService } from '../services/invoiceLines/index.js';
import { createInvoiceLinesRouter } from './invoiceLines/index.js';
import type { PlansService } from '../services/plans/index.js';
import { createPlansRouter } from './plans/index.js';
import type { LabelsService } from '../services/labels/index.js';
import { createLabelsRouter } from './labels/index.js';
import type { ProductsService } from '../services/products/index.js';
import { createProductsRouter } from './products/index.js';
// scaffold:imports

/** Every module's service, as the route table needs them (wired in the composition root). */
export interface Services {
  auth: AuthService;
  customers: CustomersService;
  invoices: InvoicesService;
  receipts: ReceiptsService;
  notes: NotesService;
  referrals: ReferralsService;
  deliveries: DeliveriesService;
  invoiceLines: InvoiceLinesService;
  plans: PlansService;
  labels: LabelsService;
  products: ProductsService;
  // scaffold:services
}

/** What routers may share beyond services and the logger. */
export interface RouteTableOptions {
  /** The shared rate-limit store (Redis, when `REDIS_URL` is set): stricter per-route limiters count there too. */
  rateLimitStore?: RateLimitStoreFactory;
}

/**
 * The route table: mounts each module's router under its path. Generators register modules here
 * by anchored patches on the `scaffold:` marker lines; do not remove them.
 *
 * @param services - one service per module.
 * @param log - the root logger; each router derives its module logger.
 * @param options - the shared rate-limit store, when there is one.
 * @returns a router holding every module's routes.
 */
export function createRouteTable(services: Services, log: Logger, options: RouteTableOptions = {}): Router {
  const router = Router();
  router.use('/auth', createAuthRouter(services.auth, log, { ...authSettings(log).rateLimit, prefix: 'auth', store: options.rateLimitStore }));
  router.use('/customers', createCustomersRouter(services.customers, log));
  router.use('/invoices', createInvoicesRouter(services.invoices, log));
  router.use('/receipts', createReceiptsRouter(services.receipts, log));
  router.use('/notes', createNotesRouter(services.notes, log, services.auth));
  router.use('/referrals', createReferralsRouter(services.referrals, log));
  router.use('/deliveries', createDeliveriesRouter(services.deliveries, log));
  router.use('/invoices/:invoiceId/invoice-lines', createInvoiceLinesRouter(services.invoiceLines, async (id: number) => (await services.invoices.get(id)).id, log));
  router.use('/plans', createPlansRouter(services.plans, log));
  router.use('/labels', createLabelsRouter(services.labels, log));
  router.use('/products', createProductsRouter(services.products, log));
  // scaffold:routes
  return router;
}
