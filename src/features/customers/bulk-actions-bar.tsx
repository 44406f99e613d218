'use client';

import { TagIcon, Trash2Icon, UserRoundIcon, XIcon } from 'lucide-react';
import { useId, useState } from 'react';
import { toast } from '@/lib/toast';
import { useCan } from '@/components/permissions-provider';
import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '@/components/ui/select';
import { describeError } from '@/lib/server-errors';
import { tag as tagSchema, type BulkCustomerChange } from '@/schemas/customers';
import { api } from '@/trpc/react';

type Dialogs = 'addTag' | 'removeTag' | 'assignOwner' | 'delete' | null;
const NO_OWNER = 'none';

const customersLabel = (n: number) => `${n} ${n === 1 ? 'customer' : 'customers'}`;

/** What can be done to the selected customers at once, for those allowed to. */
export function BulkActionsBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const canEdit = useCan('customers:write');
  const canDelete = useCan('customers:delete');
  const [open, setOpen] = useState<Dialogs>(null);
  const utils = api.useUtils();
  const finish = async () => {
    setOpen(null);
    onDone();
    await Promise.all([utils.customers.invalidate(), utils.dashboard.invalidate()]);
  };
  const update = api.customers.bulkUpdate.useMutation({
    onSuccess: async (result) => {
      toast.success(
        `${customersLabel(result.items.length)} changed` +
          (result.unchanged > 0 ? `, ${result.unchanged} already were as asked` : ''),
      );
      await finish();
    },
    onError: (error) => toast.error(describeError(error)),
  });
  const canRestore = useCan('customers:restore');
  // The toast outlives the selection, so the undo uses the plain client.
  async function undoDelete(deleted: string[]) {
    try {
      for (const id of deleted) await utils.client.customers.restore.mutate({ id });
      toast.success(`${customersLabel(deleted.length)} restored`);
    } catch (error) {
      toast.error(describeError(error));
    }
    await utils.customers.invalidate();
  }
  const remove = api.customers.bulkDelete.useMutation({
    onSuccess: async (result) => {
      const deleted = result.items.map((customer) => customer.id);
      toast.success(`${customersLabel(deleted.length)} deleted`, {
        action: canRestore ? { label: 'Undo', onClick: () => void undoDelete(deleted) } : undefined,
      });
      await finish();
    },
  });
  const change = (value: BulkCustomerChange) => update.mutate({ ids, change: value });

  return (
    <div
      role="region"
      aria-label="Selected customers"
      className="flex flex-wrap items-center gap-2 rounded-lg border bg-background px-3 py-2"
    >
      <span className="text-sm font-medium" aria-live="polite">
        {customersLabel(ids.length)} selected
      </span>
      <div className="ml-auto flex flex-wrap items-center gap-2">
        {canEdit ? (
          <>
            <Button variant="outline" size="sm" onClick={() => setOpen('addTag')}>
              <TagIcon aria-hidden="true" />
              Add tag
            </Button>
            <Button variant="outline" size="sm" onClick={() => setOpen('removeTag')}>
              Remove tag
            </Button>
            <Button variant="outline" size="sm" onClick={() => setOpen('assignOwner')}>
              <UserRoundIcon aria-hidden="true" />
              Assign owner
            </Button>
          </>
        ) : null}
        {canDelete ? (
          <Button variant="outline" size="sm" onClick={() => setOpen('delete')}>
            <Trash2Icon aria-hidden="true" />
            Delete
          </Button>
        ) : null}
        <Button variant="ghost" size="sm" onClick={onDone}>
          <XIcon aria-hidden="true" />
          Clear selection
        </Button>
      </div>

      <TagDialog
        mode={open === 'removeTag' ? 'removeTag' : 'addTag'}
        open={open === 'addTag' || open === 'removeTag'}
        count={ids.length}
        pending={update.isPending}
        onCancel={() => setOpen(null)}
        onSubmit={(tag) => change({ type: open === 'removeTag' ? 'removeTag' : 'addTag', tag })}
      />
      <OwnerDialog
        open={open === 'assignOwner'}
        count={ids.length}
        pending={update.isPending}
        onCancel={() => setOpen(null)}
        onSubmit={(ownerId) => change({ type: 'assignOwner', ownerId })}
      />
      <ConfirmDestructiveDialog
        open={open === 'delete'}
        onOpenChange={(next) => !next && setOpen(null)}
        title={`Delete ${customersLabel(ids.length)}?`}
        description="They disappear from lists and searches."
        confirmLabel={`Delete ${customersLabel(ids.length)}`}
        pendingLabel="Deleting…"
        onConfirm={() => remove.mutateAsync({ ids })}
      />
    </div>
  );
}

function TagDialog({
  mode,
  open,
  count,
  pending,
  onCancel,
  onSubmit,
}: {
  mode: 'addTag' | 'removeTag';
  open: boolean;
  count: number;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (tag: string) => void;
}) {
  const id = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const adding = mode === 'addTag';
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next || pending) return;
        setValue('');
        setError(null);
        onCancel();
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{adding ? 'Add a tag' : 'Remove a tag'}</DialogTitle>
          <DialogDescription>
            {adding ? 'To' : 'From'} {customersLabel(count)}.
          </DialogDescription>
        </DialogHeader>
        <form
          method="post"
          noValidate
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            const parsed = tagSchema.safeParse(value);
            if (!parsed.success) {
              setError(parsed.error.issues[0]?.message ?? 'is not a valid tag');
              return;
            }
            setError(null);
            setValue('');
            onSubmit(parsed.data);
          }}
        >
          <div className="grid gap-2">
            <Label htmlFor={id}>Tag</Label>
            <Input
              id={id}
              value={value}
              autoComplete="off"
              maxLength={50}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(event) => setValue(event.target.value)}
            />
            {error ? (
              <p id={`${id}-error`} role="alert" className="text-sm text-destructive">
                {error}
              </p>
            ) : null}
          </div>
          <DialogFooter>
            <Button type="submit" disabled={pending}>
              {pending ? 'Saving…' : adding ? 'Add tag' : 'Remove tag'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function OwnerDialog({
  open,
  count,
  pending,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  count: number;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (ownerId: string | null) => void;
}) {
  const id = useId();
  const [owner, setOwner] = useState(NO_OWNER);
  const members = api.members.list.useQuery({}, { enabled: open });
  return (
    <Dialog open={open} onOpenChange={(next) => !next && !pending && onCancel()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Assign an owner</DialogTitle>
          <DialogDescription>For {customersLabel(count)}.</DialogDescription>
        </DialogHeader>
        <form
          method="post"
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit(owner === NO_OWNER ? null : owner);
          }}
        >
          <div className="grid gap-2">
            <Label htmlFor={id}>Owner</Label>
            <Select value={owner} onValueChange={setOwner} name="owner">
              <SelectTrigger id={id}>
                <SelectValue placeholder={members.isPending ? 'Loading members…' : undefined} />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={NO_OWNER}>No owner</SelectItem>
                {(members.data?.items ?? []).map((member) => (
                  <SelectItem key={member.userId} value={member.userId}>
                    {member.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            {members.isError ? (
              <p className="text-sm text-muted-foreground">
                The members could not be loaded: {describeError(members.error)}
              </p>
            ) : null}
          </div>
          <DialogFooter>
            <Button type="submit" disabled={pending}>
              {pending ? 'Saving…' : 'Assign owner'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
