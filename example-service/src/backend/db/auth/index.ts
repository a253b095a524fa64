export * from './auth.prisma-repository.js';
