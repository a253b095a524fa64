export * from './labels.prisma-repository.js';
