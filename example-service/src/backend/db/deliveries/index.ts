export * from './deliveries.prisma-repository.js';
