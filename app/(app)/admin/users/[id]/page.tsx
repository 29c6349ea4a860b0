import type { Metadata, Route } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditEventsTable } from "@/components/audit-explorer";
import { PageHeader } from "@/components/page-header";
import { ActiveForm, EditPersonForm, PasswordLinkForm } from "@/components/people-forms";
import { Panel } from "@/components/ui";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/ids";
import { searchAudit } from "@/lib/services/search-audit";
import { sendPasswordLinkAction, setActiveAction, updatePersonAction } from "../actions";

export const metadata: Metadata = { title: "Person" };

export default async function PersonPage({ params }: PageProps<"/admin/users/[id]">) {
  const admin = await requirePermission("user:manage");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const [person, departments] = await Promise.all([
    db().user.findUnique({
      where: { id },
      select: {
        id: true,
        email: true,
        name: true,
        roles: true,
        departmentId: true,
        active: true,
        passwordHash: true,
        updatedAt: true,
      },
    }),
    db().department.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  if (!person) notFound();
  const history = can(admin, "audit:read")
    ? await searchAudit(db(), admin, { user: id }, 20)
    : null;
  const invited = person.passwordHash.startsWith("!");
  return (
    <>
      <PageHeader
        title={person.name}
        description={`${person.email} · ${person.active ? (invited ? "Invited, no password set yet" : "Active") : "Deactivated"}`}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Name, roles and department" headingId="edit-heading">
          <EditPersonForm
            action={updatePersonAction}
            departments={departments}
            person={{
              id: person.id,
              name: person.name,
              roles: person.roles,
              departmentId: person.departmentId,
              seen: person.updatedAt.toISOString(),
            }}
          />
        </Panel>
        <Panel title="Access" headingId="access-heading" className="space-y-4">
          {person.active ? (
            <PasswordLinkForm action={sendPasswordLinkAction} userId={person.id} />
          ) : null}
          <ActiveForm action={setActiveAction} userId={person.id} active={person.active} />
        </Panel>
      </div>
      {history?.ok ? (
        <section aria-labelledby="history-heading" className="mt-8 space-y-2">
          <h2 id="history-heading" className="text-lg font-semibold">
            Account history
          </h2>
          <AuditEventsTable events={history.events} />
          <Link href={`/admin/audit?user=${id}` as Route} className="text-sm underline">
            All of it in the audit explorer
          </Link>
        </section>
      ) : null}
    </>
  );
}
