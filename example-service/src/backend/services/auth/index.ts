export * from './auth.memory-refresh-store.js';
export * from './auth.ports.js';
export * from './auth.service.js';
