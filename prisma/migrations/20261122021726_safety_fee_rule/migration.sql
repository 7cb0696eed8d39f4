-- AlterEnum
ALTER TYPE "FeeMultiplierRule" ADD VALUE 'UPHELD_COMPLAINT';
