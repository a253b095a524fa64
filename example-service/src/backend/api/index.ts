export * from './common/index.js';
export * from './routes.js';
// scaffold:exports
