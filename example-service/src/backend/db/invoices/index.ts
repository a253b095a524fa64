export * from './invoices.prisma-repository.js';
