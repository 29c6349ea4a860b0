import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { InvitePersonForm } from "@/components/people-forms";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listUsers } from "@/lib/db/users";
import { invitePersonAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  await requirePermission("user:manage");
  const [users, departments] = await Promise.all([
    listUsers(db()),
    db().department.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return (
    <>
      <PageHeader title="Users" description={`${users.length} people with access to Flowgate.`} />
      <p className="mb-4 text-sm">
        <Link href="/admin/departments" className="underline">
          Departments
        </Link>
      </p>
      <details className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <summary className="cursor-pointer font-medium">Add a person</summary>
        <p className="mt-2 mb-3 text-sm text-slate-600">
          They get a mail with a link to set their password (valid 7 days, once).
        </p>
        <InvitePersonForm action={invitePersonAction} departments={departments} />
      </details>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Users, their roles and departments</caption>
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                Name
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Email
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Roles
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Department
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Status
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className="border-t border-slate-100">
                <td className="px-4 py-2 font-medium">
                  <Link href={`/admin/users/${user.id}`} className="underline">
                    {user.name}
                  </Link>
                </td>
                <td className="px-4 py-2">{user.email}</td>
                <td className="px-4 py-2">
                  {user.roles.map((role) => ROLE_LABELS[role]).join(", ")}
                </td>
                <td className="px-4 py-2">{user.department?.name ?? "—"}</td>
                <td className="px-4 py-2">{user.active ? "Active" : "Deactivated"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
