export * from './referrals.prisma-repository.js';
