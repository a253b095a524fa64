-- CreateEnum
CREATE TYPE "CustomerTier" AS ENUM ('standard', 'gold');

-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "newsletter" BOOLEAN,
ADD COLUMN     "tier" "CustomerTier" NOT NULL DEFAULT 'standard';
