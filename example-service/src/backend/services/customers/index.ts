export * from './customers.entity.js';
export * from './customers.errors.js';
export * from './customers.fixtures.js';
export * from './customers.memory-repository.js';
export * from './customers.repository.js';
export * from './customers.service.js';
