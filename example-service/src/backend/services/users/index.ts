export * from './users.entity.js';
export * from './users.errors.js';
export * from './users.memory-repository.js';
export * from './users.repository.js';
