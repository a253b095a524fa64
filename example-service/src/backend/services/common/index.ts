export * from './errors.js';
export * from './logging.js';
export * from './pagination.js';
export * from './request-context.js';
