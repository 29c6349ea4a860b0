import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/page-header";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "My requests" };

export default async function MyRequestsPage() {
  await requirePermission("request:read-own");
  return (
    <>
      <PageHeader title="My requests" description="Everything you have asked for, newest first." />
      <EmptyState title="You have no requests yet." />
    </>
  );
}
