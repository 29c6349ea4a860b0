import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { NewDepartmentForm, RenameDepartmentForm } from "@/components/people-forms";
import { Panel } from "@/components/ui";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { createDepartmentAction, renameDepartmentAction } from "../users/actions";

export const metadata: Metadata = { title: "Departments" };

export default async function DepartmentsPage() {
  await requirePermission("user:manage");
  const departments = await db().department.findMany({
    orderBy: { name: "asc" },
    select: { id: true, code: true, name: true, _count: { select: { users: true } } },
  });
  return (
    <>
      <PageHeader
        title="Departments"
        description="Managers decide for their own department; requests carry their requester's."
      />
      <ul className="mb-8 space-y-2" aria-label="Departments">
        {departments.map((d) => (
          <li key={d.id} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
            <p className="mb-2 text-sm text-slate-600">
              <code>{d.code}</code> · {d._count.users} {d._count.users === 1 ? "person" : "people"}
            </p>
            <RenameDepartmentForm action={renameDepartmentAction} department={d} />
          </li>
        ))}
      </ul>
      <Panel title="Add a department" headingId="new-heading">
        <NewDepartmentForm action={createDepartmentAction} />
      </Panel>
    </>
  );
}
