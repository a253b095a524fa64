export * from './shipments.router.js';
export * from './shipments.schemas.js';
