-- AlterTable
ALTER TABLE "secrets" ADD COLUMN     "allowed_hosts" TEXT[] DEFAULT ARRAY[]::TEXT[];
