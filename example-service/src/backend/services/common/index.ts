export * from './errors.js';
export * from './logging.js';
export * from './pagination.js';
export * from './request-context.js';
export * from './actor.js';
export * from './secret.js';
export * from './list-query.js';
export * from './slug.js';
