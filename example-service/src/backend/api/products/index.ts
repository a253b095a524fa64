export * from './products.router.js';
export * from './products.schemas.js';
