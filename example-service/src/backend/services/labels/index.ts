export * from './labels.entity.js';
export * from './labels.errors.js';
export * from './labels.fixtures.js';
export * from './labels.memory-repository.js';
export * from './labels.repository.js';
export * from './labels.service.js';
