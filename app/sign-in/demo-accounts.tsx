import { ROLE_LABELS } from "@/lib/auth/roles";
import { DEMO_DEPARTMENTS, DEMO_PASSWORD, DEMO_USERS } from "@/prisma/demo-data";

/** Rendered only in development (see page.tsx): the seeded demo users and their password. */
export function DemoAccounts() {
  const departmentName = (code: string) =>
    DEMO_DEPARTMENTS.find((d) => d.code === code)?.name ?? code;
  return (
    <section
      aria-labelledby="demo-heading"
      className="mt-8 rounded-lg border border-amber-200 bg-amber-50 p-4"
    >
      <h2 id="demo-heading" className="text-sm font-semibold text-amber-900">
        Demo accounts (development only)
      </h2>
      <p className="mt-1 text-sm text-amber-900">
        Every demo user's password is{" "}
        <code className="rounded bg-white px-1 font-mono">{DEMO_PASSWORD}</code>
      </p>
      <table className="mt-3 w-full text-left text-sm">
        <thead>
          <tr className="text-amber-900">
            <th scope="col" className="py-1 pr-2 font-medium">
              Email
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              Roles
            </th>
            <th scope="col" className="py-1 font-medium">
              Department
            </th>
          </tr>
        </thead>
        <tbody>
          {DEMO_USERS.map((user) => (
            <tr key={user.email} className="border-t border-amber-200">
              <td className="py-1 pr-2 font-mono text-xs">{user.email}</td>
              <td className="py-1 pr-2">
                {user.roles.map((role) => ROLE_LABELS[role]).join(", ")}
              </td>
              <td className="py-1">{departmentName(user.department)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
