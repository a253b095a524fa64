export * from './common/index.js';
export * from './users/index.js';
export * from './auth/index.js';
export * from './customers/index.js';
export * from './invoices/index.js';
export * from './receipts/index.js';
export * from './notes/index.js';
export * from './referrals/index.js';
export * from './deliveries/index.js';
export * from './invoiceLines/index.js';
export * from './plans/index.js';
export * from './labels/index.js';
export * from './products/index.js';
// scaffold:exports
