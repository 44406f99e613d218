/**
 * Pages of SSO sign-in. Unlike the other sign-in pages, a signed-in person stays here: their
 * password session may be the one an SSO-only organization refuses.
 */
export default function SsoLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 p-4">
      <div className="w-full max-w-sm">{children}</div>
    </main>
  );
}
