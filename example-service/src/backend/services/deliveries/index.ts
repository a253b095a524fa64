export * from './deliveries.entity.js';
export * from './deliveries.errors.js';
export * from './deliveries.fixtures.js';
export * from './deliveries.memory-repository.js';
export * from './deliveries.repository.js';
export * from './deliveries.service.js';
