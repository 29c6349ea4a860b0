-- Figures in a request's text that would route it higher than its confirmed fields (found at
-- submission by lib/services/routing-check.ts), shown to approvers in the inbox and on the page.

-- AlterTable
ALTER TABLE "requests" ADD COLUMN     "routing_warnings" TEXT[] DEFAULT ARRAY[]::TEXT[];
