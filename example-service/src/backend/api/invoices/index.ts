export * from './invoices.router.js';
export * from './invoices.schemas.js';
