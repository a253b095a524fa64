export * from './deliveries.router.js';
export * from './deliveries.schemas.js';
