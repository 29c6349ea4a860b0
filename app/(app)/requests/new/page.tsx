import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requirePermission } from "@/lib/auth/session";
import { NewRequestForm } from "./new-request-form";

export const metadata: Metadata = { title: "New request" };

export default async function NewRequestPage() {
  await requirePermission("request:create");
  return (
    <>
      <PageHeader
        title="New request"
        description="Describe what you need. You confirm every suggestion before anything is sent."
      />
      <NewRequestForm />
    </>
  );
}
