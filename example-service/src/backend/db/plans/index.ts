export * from './plans.prisma-repository.js';
