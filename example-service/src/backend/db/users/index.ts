export * from './users.prisma-repository.js';
