export * from './receipts.entity.js';
export * from './receipts.errors.js';
export * from './receipts.fixtures.js';
export * from './receipts.memory-repository.js';
export * from './receipts.repository.js';
export * from './receipts.service.js';
