export * from './notes.prisma-repository.js';
