export * from './invoiceLines.prisma-repository.js';
