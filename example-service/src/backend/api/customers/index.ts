export * from './customers.router.js';
export * from './customers.schemas.js';
