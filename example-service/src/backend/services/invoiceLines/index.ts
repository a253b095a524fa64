export * from './invoiceLines.entity.js';
export * from './invoiceLines.errors.js';
export * from './invoiceLines.fixtures.js';
export * from './invoiceLines.memory-repository.js';
export * from './invoiceLines.repository.js';
export * from './invoiceLines.service.js';
