export * from './plans.entity.js';
export * from './plans.errors.js';
export * from './plans.fixtures.js';
export * from './plans.memory-repository.js';
export * from './plans.repository.js';
export * from './plans.service.js';
