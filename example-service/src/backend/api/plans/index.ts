export * from './plans.router.js';
export * from './plans.schemas.js';
