export * from './shipments.entity.js';
export * from './shipments.errors.js';
export * from './shipments.fixtures.js';
export * from './shipments.memory-repository.js';
export * from './shipments.repository.js';
export * from './shipments.service.js';
