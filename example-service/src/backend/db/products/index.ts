export * from './products.prisma-repository.js';
