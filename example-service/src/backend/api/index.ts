export * from './common/index.js';
export * from './routes.js';
export * from './customers/index.js';
export * from './invoices/index.js';
// scaffold:exports
