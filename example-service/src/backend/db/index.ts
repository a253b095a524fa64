export * from './common/index.js';
// scaffold:exports
