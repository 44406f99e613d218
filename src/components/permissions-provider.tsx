'use client';

import { createContext, useContext } from 'react';
import type { Permission } from '@/schemas/permissions';

const PermissionsContext = createContext<readonly Permission[]>([]);

/** The signed-in member's permissions, from the server, so the UI hides what they cannot do. */
export function PermissionsProvider({
  permissions,
  children,
}: {
  permissions: readonly Permission[];
  children: React.ReactNode;
}) {
  return <PermissionsContext.Provider value={permissions}>{children}</PermissionsContext.Provider>;
}

export function useCan(permission: Permission): boolean {
  return useContext(PermissionsContext).includes(permission);
}
