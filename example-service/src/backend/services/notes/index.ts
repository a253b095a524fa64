export * from './notes.entity.js';
export * from './notes.errors.js';
export * from './notes.fixtures.js';
export * from './notes.memory-repository.js';
export * from './notes.repository.js';
export * from './notes.service.js';
