export * from './invoices.entity.js';
export * from './invoices.errors.js';
export * from './invoices.fixtures.js';
export * from './invoices.memory-repository.js';
export * from './invoices.repository.js';
export * from './invoices.service.js';
