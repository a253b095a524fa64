export * from './customers.prisma-repository.js';
