/** GET /api/v1/me */
import { endpoint } from "@/lib/api/v1/endpoint";
import { operations } from "@/lib/api/v1/operations";
import { permissionsOf } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

export const GET = endpoint(operations.me, async ({ principal }) => {
  const { user } = principal;
  return {
    body: {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      department: user.department,
      permissions: [...permissionsOf(user.roles)],
      scopes: [...principal.scopes],
      token: principal.tokenId ? { id: principal.tokenId } : null,
    },
  };
});
