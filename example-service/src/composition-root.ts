import type { PrismaClient } from '../generated/prisma/client.js';
import type { Services } from './backend/api/index.js';
import type { Logger } from './backend/services/common/index.js';
import { authAdapters } from './backend/api/auth/index.js';
import { createRefreshTokensPrismaRepository } from './backend/db/auth/index.js';
import { createUsersPrismaRepository } from './backend/db/users/index.js';
import { createAuthService, createInMemoryRefreshTokenStore } from './backend/services/auth/index.js';
import { createInMemoryUsersRepository } from './backend/services/users/index.js';
import { createCustomersPrismaRepository } from './backend/db/customers/index.js';
import { createCustomersService, createInMemoryCustomersRepository } from './backend/services/customers/index.js';
import { createInvoicesPrismaRepository } from './backend/db/invoices/index.js';
import { createInvoicesService, createInMemoryInvoicesRepository } from './backend/services/invoices/index.js';
import { createReceiptsPrismaRepository } from './backend/db/receipts/index.js';
import { createReceiptsService, createInMemoryReceiptsRepository } from './backend/services/receipts/index.js';
import { createNotesPrismaRepository } from './backend/db/notes/index.js';
import { createNotesService, createInMemoryNotesRepository } from './backend/services/notes/index.js';
import { createReferralsPrismaRepository } from './backend/db/referrals/index.js';
import { createReferralsService, createInMemoryReferralsRepository } from './backend/services/referrals/index.js';
import { createDeliveriesPrismaRepository } from './backend/db/deliveries/index.js';
import { createDeliveriesService, createInMemoryDeliveriesRepository } from './backend/services/deliveries/index.js';
import { createInvoiceLinesPrismaRepository } from './backend/db/invoiceLines/index.js';
import { createInvoiceLinesService, createInMemoryInvoiceLinesRepository } from './backend/services/invoiceLines/index.js';
import { createPlansPrismaRepository } from './backend/db/plans/index.js';
import { createPlansService, createInMemoryPlansRepository } from './backend/services/plans/index.js';
import { createLabelsPrismaRepository } from './backend/db/labels/index.js';
import { createLabelsService, createInMemoryLabelsRepository } from './backend/services/labels/index.js';
import { createProductsPrismaRepository } from './backend/db/products/index.js';
import { createProductsService, createInMemoryProductsRepository } from './backend/services/products/index.js';
// scaffold:imports

/**
 * The composition root: the one place that sees both sides, wiring each module's service (core)
 * to its Prisma repository (adapter) with plain factories. Generators register modules here by
 * anchored patches on the `scaffold:` marker lines; do not remove them.
 *
 * @param prisma - the Prisma client of the service's database.
 * @param log - the root logger.
 * @returns one service per module.
 */
export function composeServices(prisma: PrismaClient, log: Logger): Services {
  return {
    auth: createAuthService({ users: createUsersPrismaRepository(prisma, log), refreshTokens: createRefreshTokensPrismaRepository(prisma, log), ...authAdapters(log), log }),
    customers: createCustomersService({ repo: createCustomersPrismaRepository(prisma, log), passwords: authAdapters(log).passwords, log }),
    invoices: createInvoicesService({ repo: createInvoicesPrismaRepository(prisma, log), log }),
    receipts: createReceiptsService({ repo: createReceiptsPrismaRepository(prisma, log), log }),
    notes: createNotesService({ repo: createNotesPrismaRepository(prisma, log), log }),
    referrals: createReferralsService({ repo: createReferralsPrismaRepository(prisma, log), log }),
    deliveries: createDeliveriesService({ repo: createDeliveriesPrismaRepository(prisma, log), log }),
    invoiceLines: createInvoiceLinesService({ repo: createInvoiceLinesPrismaRepository(prisma, log), log }),
    plans: createPlansService({ repo: createPlansPrismaRepository(prisma, log), log }),
    labels: createLabelsService({ repo: createLabelsPrismaRepository(prisma, log), log }),
    products: createProductsService({ repo: createProductsPrismaRepository(prisma, log), log }),
    // scaffold:services
  };
}

/**
 * The same wiring over the in-memory repositories (API tests, benchmarks, no database).
 *
 * @param log - the root logger.
 * @returns one service per module, each with a fresh in-memory repository.
 */
export function composeInMemoryServices(log: Logger): Services {
  return {
    auth: createAuthService({ users: createInMemoryUsersRepository(log), refreshTokens: createInMemoryRefreshTokenStore(log), ...authAdapters(log), log }),
    customers: createCustomersService({ repo: createInMemoryCustomersRepository(log), passwords: authAdapters(log).passwords, log }),
    invoices: createInvoicesService({ repo: createInMemoryInvoicesRepository(log), log }),
    receipts: createReceiptsService({ repo: createInMemoryReceiptsRepository(log), log }),
    notes: createNotesService({ repo: createInMemoryNotesRepository(log), log }),
    referrals: createReferralsService({ repo: createInMemoryReferralsRepository(log), log }),
    deliveries: createDeliveriesService({ repo: createInMemoryDeliveriesRepository(log), log }),
    invoiceLines: createInvoiceLinesService({ repo: createInMemoryInvoiceLinesRepository(log), log }),
    plans: createPlansService({ repo: createInMemoryPlansRepository(log), log }),
    labels: createLabelsService({ repo: createInMemoryLabelsRepository(log), log }),
    products: createProductsService({ repo: createInMemoryProductsRepository(log), log }),
    // scaffold:memory-services
  };
}
