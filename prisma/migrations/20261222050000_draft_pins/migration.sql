-- AlterTable
ALTER TABLE "test_runs" ADD COLUMN     "scope" JSONB;

-- AlterTable
ALTER TABLE "workflows" ADD COLUMN     "pins" JSONB NOT NULL DEFAULT '{}';
