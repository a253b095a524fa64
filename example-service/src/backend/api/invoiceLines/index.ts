export * from './invoiceLines.router.js';
export * from './invoiceLines.schemas.js';
