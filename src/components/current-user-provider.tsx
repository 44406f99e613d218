'use client';

import { createContext, useContext } from 'react';

const CurrentUserContext = createContext<string | null>(null);

/** The signed-in person's user id, from the server, for "my" views and defaults. */
export function CurrentUserProvider({
  userId,
  children,
}: {
  userId: string;
  children: React.ReactNode;
}) {
  return <CurrentUserContext.Provider value={userId}>{children}</CurrentUserContext.Provider>;
}

/** The signed-in person's user id; only inside the app's signed-in pages. */
export function useCurrentUserId(): string {
  const userId = useContext(CurrentUserContext);
  if (!userId) throw new Error('useCurrentUserId is used outside the signed-in pages');
  return userId;
}
