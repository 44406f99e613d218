/** The dot beside an unread notification, and the word a screen reader says for it. */
export function UnreadMarker({ unread }: { unread: boolean }) {
  return (
    <span
      aria-hidden={!unread}
      className={unread ? 'mt-1.5 size-2 shrink-0 rounded-full bg-primary' : 'size-2 shrink-0'}
    >
      {unread ? <span className="sr-only">Unread: </span> : null}
    </span>
  );
}
