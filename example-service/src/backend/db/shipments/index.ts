export * from './shipments.prisma-repository.js';
