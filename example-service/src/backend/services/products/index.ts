export * from './products.entity.js';
export * from './products.errors.js';
export * from './products.fixtures.js';
export * from './products.memory-repository.js';
export * from './products.repository.js';
export * from './products.service.js';
