-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "accessKeyHash" TEXT;
