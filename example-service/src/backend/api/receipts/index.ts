export * from './receipts.router.js';
export * from './receipts.schemas.js';
