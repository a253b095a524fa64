export * from './error-handler.js';
export * from './error-mapping.js';
export * from './http-logger.js';
export * from './request-id.js';
export * from './validation.js';
export * from './schemas.js';
