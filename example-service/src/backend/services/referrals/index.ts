export * from './referrals.entity.js';
export * from './referrals.errors.js';
export * from './referrals.fixtures.js';
export * from './referrals.memory-repository.js';
export * from './referrals.repository.js';
export * from './referrals.service.js';
