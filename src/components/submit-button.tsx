import { Button } from '@/components/ui/button';

/** A form's submit button: disabled while the form is being sent, saying so. */
export function SubmitButton({
  pending,
  pendingLabel,
  disabled = false,
  children,
  ...props
}: Omit<React.ComponentProps<typeof Button>, 'type'> & {
  pending: boolean;
  /** "Saving…": what the button says while the form is being sent. */
  pendingLabel: string;
}) {
  return (
    <Button type="submit" disabled={pending || disabled} {...props}>
      {pending ? pendingLabel : children}
    </Button>
  );
}
