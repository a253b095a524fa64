export * from './notes.router.js';
export * from './notes.schemas.js';
