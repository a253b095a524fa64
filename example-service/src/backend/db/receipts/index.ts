export * from './receipts.prisma-repository.js';
