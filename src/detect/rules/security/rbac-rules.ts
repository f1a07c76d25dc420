// RBAC rule helpers shared by the rbac-* checks.

/* eslint-disable @typescript-eslint/no-explicit-any */
/** The rules of a Role/ClusterRole, [] when absent or malformed. */
export function rulesOf(role: any): any[] {
  return Array.isArray(role?.rules) ? role.rules : [];
}

/** Built-in roles that ship with Kubernetes: not the user's to fix. */
export const SYSTEM_ROLE = /^(system:|cluster-admin$|admin$|edit$|view$)/;
