-- CreateEnum
CREATE TYPE "ShipmentCarrier" AS ENUM ('post', 'courier', 'pickup');

-- CreateTable
CREATE TABLE "shipments" (
    "id" SERIAL NOT NULL,
    "invoiceId" INTEGER NOT NULL,
    "trackingCode" VARCHAR(255) NOT NULL,
    "recipient" VARCHAR(255) NOT NULL,
    "carrier" "ShipmentCarrier" NOT NULL DEFAULT 'post',
    "weightGrams" INTEGER NOT NULL,
    "shippedAt" TIMESTAMP(3),
    "cost" DECIMAL(12,2),
    "fragile" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "shipments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "shipments_trackingCode_key" ON "shipments"("trackingCode");

-- CreateIndex
CREATE INDEX "shipments_invoiceId_idx" ON "shipments"("invoiceId");

-- CreateIndex
CREATE INDEX "shipments_recipient_idx" ON "shipments"("recipient");

-- CreateIndex
CREATE INDEX "shipments_carrier_idx" ON "shipments"("carrier");

-- CreateIndex
CREATE INDEX "shipments_weightGrams_idx" ON "shipments"("weightGrams");

-- CreateIndex
CREATE INDEX "shipments_shippedAt_idx" ON "shipments"("shippedAt");

-- CreateIndex
CREATE INDEX "shipments_cost_idx" ON "shipments"("cost");

-- CreateIndex
CREATE INDEX "shipments_createdAt_idx" ON "shipments"("createdAt");

-- AddForeignKey
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
