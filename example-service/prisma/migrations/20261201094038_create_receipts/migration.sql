-- CreateEnum
CREATE TYPE "ReceiptMethod" AS ENUM ('card', 'transfer', 'cash');

-- CreateEnum
CREATE TYPE "ReceiptStatus" AS ENUM ('refunded', 'received');

-- CreateTable
CREATE TABLE "receipts" (
    "id" SERIAL NOT NULL,
    "invoiceId" INTEGER NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL,
    "method" "ReceiptMethod" NOT NULL DEFAULT 'card',
    "status" "ReceiptStatus" NOT NULL DEFAULT 'received',
    "reference" UUID NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "installment" INTEGER NOT NULL DEFAULT 1,
    "providerTxId" BIGINT,
    "details" JSONB NOT NULL,
    "metadata" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "receipts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "receipts_reference_key" ON "receipts"("reference");

-- AddForeignKey
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
