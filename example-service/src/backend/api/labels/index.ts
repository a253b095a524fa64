export * from './labels.router.js';
export * from './labels.schemas.js';
