export * from './referrals.router.js';
export * from './referrals.schemas.js';
