/** What went wrong with a form as a whole (not one of its fields), announced when it appears. */
export function FormError({
  message,
  children,
}: {
  message: string | null;
  /** What to do about it, under the message. */
  children?: React.ReactNode;
}) {
  if (!message) return null;
  return (
    <div
      role="alert"
      className="rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm text-destructive"
    >
      <p>{message}</p>
      {children}
    </div>
  );
}
