export * from './common/index.js';
export * from './customers/index.js';
export * from './invoices/index.js';
export * from './receipts/index.js';
// scaffold:exports
