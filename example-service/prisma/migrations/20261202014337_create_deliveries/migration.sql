-- CreateEnum
CREATE TYPE "DeliveryCarrier" AS ENUM ('post', 'courier', 'pickup');

-- CreateTable
CREATE TABLE "deliveries" (
    "id" SERIAL NOT NULL,
    "invoiceId" INTEGER NOT NULL,
    "trackingCode" VARCHAR(255) NOT NULL,
    "recipient" VARCHAR(255) NOT NULL,
    "carrier" "DeliveryCarrier" NOT NULL DEFAULT 'post',
    "weightGrams" INTEGER NOT NULL,
    "shippedAt" TIMESTAMP(3),
    "cost" DECIMAL(12,2),
    "fragile" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "deliveries_trackingCode_key" ON "deliveries"("trackingCode");

-- CreateIndex
CREATE INDEX "deliveries_invoiceId_idx" ON "deliveries"("invoiceId");

-- CreateIndex
CREATE INDEX "deliveries_recipient_idx" ON "deliveries"("recipient");

-- CreateIndex
CREATE INDEX "deliveries_carrier_idx" ON "deliveries"("carrier");

-- CreateIndex
CREATE INDEX "deliveries_weightGrams_idx" ON "deliveries"("weightGrams");

-- CreateIndex
CREATE INDEX "deliveries_shippedAt_idx" ON "deliveries"("shippedAt");

-- CreateIndex
CREATE INDEX "deliveries_cost_idx" ON "deliveries"("cost");

-- CreateIndex
CREATE INDEX "deliveries_createdAt_idx" ON "deliveries"("createdAt");

-- AddForeignKey
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
