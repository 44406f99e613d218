const dateTimeFormat = () =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A moment in a settings table: date and time, machine-readable too. */
export function DateTime({ value }: { value: Date }) {
  return <time dateTime={value.toISOString()}>{dateTimeFormat().format(value)}</time>;
}
