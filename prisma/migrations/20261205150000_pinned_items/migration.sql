-- AlterTable
ALTER TABLE "workflows" ADD COLUMN     "pinned_items" JSONB NOT NULL DEFAULT '{}';
