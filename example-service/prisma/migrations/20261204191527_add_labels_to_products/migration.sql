-- CreateTable
CREATE TABLE "product_labels" (
    "productId" INTEGER NOT NULL,
    "labelId" INTEGER NOT NULL,

    CONSTRAINT "product_labels_pkey" PRIMARY KEY ("productId","labelId")
);

-- CreateIndex
CREATE INDEX "product_labels_labelId_idx" ON "product_labels"("labelId");

-- AddForeignKey
ALTER TABLE "product_labels" ADD CONSTRAINT "product_labels_productId_fkey" FOREIGN KEY ("productId") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product_labels" ADD CONSTRAINT "product_labels_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "labels"("id") ON DELETE CASCADE ON UPDATE CASCADE;
