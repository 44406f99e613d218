'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { RefreshCwIcon, TriangleAlertIcon } from 'lucide-react';
import { useId, useState } from 'react';
import { Controller, useForm, useWatch, type Path } from 'react-hook-form';
import { toast } from '@/lib/toast';
import { z } from 'zod';
import { TextField } from '@/components/form-field';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog';
import { Label } from '@/components/ui/label';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '@/components/ui/select';
import { customerName } from '@/lib/format';
import { applyServerErrors, describeError } from '@/lib/server-errors';
import {
  customerFields,
  customerStatus,
  MAX_TAGS,
  postalAddress,
  tag,
  type Customer,
  type CustomerUpdateInput,
} from '@/schemas/customers';
import { api } from '@/trpc/react';
import { BASIC_FIELDS, CustomerBasicFields } from './customer-form-fields';
import { isStaleVersion, issuesOf } from '@/lib/server-errors';

const NO_OWNER = 'none';

/** An optional text input: empty means "not given". */
const blankable = <T extends z.ZodType>(schema: T) => z.union([z.literal(''), schema]);

/** "vip, eu" → ["vip", "eu"], each checked like the server checks a tag. */
const tagsText = z.string().transform((value, ctx) => {
  const tags = [
    ...new Set(
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
  for (const item of tags) {
    const checked = tag.safeParse(item);
    if (!checked.success) {
      ctx.addIssue({
        code: 'custom',
        message: `“${item}” ${checked.error.issues[0]?.message ?? 'is not a valid tag'}`,
      });
    }
  }
  if (tags.length > MAX_TAGS) ctx.addIssue({ code: 'custom', message: `at most ${MAX_TAGS} tags` });
  return tags;
});

export const customerEditForm = z.object({
  firstName: customerFields.firstName,
  lastName: customerFields.lastName,
  email: customerFields.email,
  company: customerFields.company,
  phone: customerFields.phone,
  status: customerStatus,
  tags: tagsText,
  ownerId: z.string(),
  address: z.object({
    line1: blankable(postalAddress.shape.line1),
    city: blankable(postalAddress.shape.city),
    postalCode: blankable(postalAddress.shape.postalCode),
    country: blankable(postalAddress.shape.country),
  }),
});
type EditFormInput = z.input<typeof customerEditForm>;
type EditFormValues = z.output<typeof customerEditForm>;

const FIELDS = [...BASIC_FIELDS, 'tags', 'ownerId'] as const;

function formValues(customer: Customer): EditFormInput {
  return {
    firstName: customer.firstName,
    lastName: customer.lastName,
    email: customer.email ?? '',
    company: customer.company ?? '',
    phone: customer.phone ?? '',
    status: customer.status,
    tags: customer.tags.join(', '),
    ownerId: customer.ownerId ?? NO_OWNER,
    address: {
      line1: customer.address?.line1 ?? '',
      city: customer.address?.city ?? '',
      postalCode: customer.address?.postalCode ?? '',
      country: customer.address?.country ?? '',
    },
  };
}

/** The address as edited, keeping the parts this form does not show (line 2, region). */
function mergedAddress(
  current: Customer['address'],
  edited: EditFormValues['address'],
): Customer['address'] {
  const merged: Record<string, string | undefined> = { ...current, ...edited };
  const parts = Object.entries(merged).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
  );
  return parts.length > 0 ? (Object.fromEntries(parts) as NonNullable<Customer['address']>) : null;
}

/**
 * Edits every field of a customer. The update carries the version that was read, so a change
 * someone else saved meanwhile is never silently overwritten.
 */
export function CustomerEditDialog({
  customer,
  open,
  onOpenChange,
  finalFocus,
}: {
  customer: Customer;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Where focus goes when the dialog closes (e.g. the menu that opened it). */
  finalFocus?: React.RefObject<HTMLElement | null>;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        className="sm:max-w-2xl"
        onCloseAutoFocus={(event) => {
          if (finalFocus?.current) {
            event.preventDefault();
            finalFocus.current.focus();
          }
        }}
      >
        <DialogHeader>
          <DialogTitle>Edit {customerName(customer)}</DialogTitle>
          <DialogDescription>
            Changes are saved for everyone in your organization and recorded in the audit trail.
          </DialogDescription>
        </DialogHeader>
        {/* Mounted only while open, so each opening starts from the customer as it is now. */}
        <EditForm customer={customer} onDone={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}

function EditForm({ customer, onDone }: { customer: Customer; onDone: () => void }) {
  const utils = api.useUtils();
  const [base, setBase] = useState(customer);
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const form = useForm<EditFormInput, unknown, EditFormValues>({
    resolver: zodResolver(customerEditForm),
    defaultValues: formValues(customer),
  });
  const { errors } = form.formState;
  const ids = { owner: useId(), address: useId() };
  const members = api.members.list.useQuery({});

  const update = api.customers.update.useMutation({
    onSuccess: async (updated) => {
      toast.success(`${customerName(updated)} was saved`);
      utils.customers.get.setData({ id: updated.id }, updated);
      onDone();
      await Promise.all([
        utils.customers.list.invalidate(),
        utils.customers.count.invalidate(),
        utils.audit.list.invalidate(),
      ]);
    },
    onError: (error) => {
      if (isStaleVersion(error)) {
        setConflict(true);
        return;
      }
      let applied = applyServerErrors(error, form.setError, FIELDS);
      for (const issue of issuesOf(error)) {
        const [field, part] = issue.path;
        if (field !== 'address') continue;
        // On the address field it names, or on the address as a whole (line 2, region).
        const shown = typeof part === 'string' && part in form.getValues('address');
        form.setError(shown ? (`address.${part}` as Path<EditFormInput>) : 'address', {
          type: 'server',
          message: issue.message,
        });
        applied = true;
      }
      if (!applied) toast.error(describeError(error));
    },
  });

  async function reload() {
    setReloading(true);
    try {
      const fresh = await utils.customers.get.fetch({ id: base.id }, { staleTime: 0 });
      setBase(fresh);
      form.reset(formValues(fresh));
      setConflict(false);
      void utils.customers.list.invalidate();
    } catch (error) {
      toast.error(describeError(error));
    } finally {
      setReloading(false);
    }
  }

  function submit(values: EditFormValues) {
    const input: CustomerUpdateInput = {
      id: base.id,
      expectedVersion: base.version,
      firstName: values.firstName,
      lastName: values.lastName,
      email: values.email,
      company: values.company,
      phone: values.phone,
      status: values.status,
      tags: values.tags,
      ownerId: values.ownerId === NO_OWNER ? null : values.ownerId,
      address: mergedAddress(base.address, values.address),
    };
    update.mutate(input);
  }

  const memberItems = members.data?.items ?? [];
  const ownerId = useWatch({ control: form.control, name: 'ownerId' });
  const ownerUnknown =
    ownerId !== NO_OWNER &&
    members.isSuccess &&
    !memberItems.some((member) => member.userId === ownerId);

  return (
    <form method="post" noValidate className="grid gap-4" onSubmit={form.handleSubmit(submit)}>
      {conflict ? (
        <Alert variant="destructive">
          <TriangleAlertIcon aria-hidden="true" />
          <AlertTitle>Someone else changed this customer meanwhile</AlertTitle>
          <AlertDescription>
            <p>
              Your changes were not saved. Reload to see the latest version, then make your changes
              again.
            </p>
            <Button
              type="button"
              variant="outline"
              size="sm"
              onClick={() => void reload()}
              disabled={reloading}
            >
              <RefreshCwIcon aria-hidden="true" />
              {reloading ? 'Reloading…' : 'Reload'}
            </Button>
          </AlertDescription>
        </Alert>
      ) : null}

      <CustomerBasicFields form={form} />

      <TextField
        label="Tags"
        autoComplete="off"
        hint="Separate tags with commas, e.g. vip, newsletter."
        error={errors.tags?.message}
        {...form.register('tags')}
      />

      <div className="grid gap-2">
        <Label htmlFor={ids.owner}>Owner</Label>
        <Controller
          control={form.control}
          name="ownerId"
          render={({ field }) => (
            <Select value={field.value} onValueChange={field.onChange} name={field.name}>
              <SelectTrigger
                id={ids.owner}
                aria-invalid={errors.ownerId ? true : undefined}
                onBlur={field.onBlur}
              >
                <SelectValue placeholder={members.isPending ? 'Loading members…' : undefined} />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={NO_OWNER}>No owner</SelectItem>
                {ownerUnknown ? <SelectItem value={ownerId}>A former member</SelectItem> : null}
                {memberItems.map((member) => (
                  <SelectItem key={member.userId} value={member.userId}>
                    {member.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        />
        {errors.ownerId?.message ? (
          <p role="alert" className="text-sm text-destructive">
            {errors.ownerId.message}
          </p>
        ) : members.isError ? (
          <p className="text-sm text-muted-foreground">
            The members could not be loaded: {describeError(members.error)}
          </p>
        ) : null}
      </div>

      <fieldset
        className="grid gap-4"
        aria-describedby={errors.address?.message ? ids.address : undefined}
      >
        <legend className="mb-2 text-sm font-medium">Address</legend>
        <TextField
          label="Address line 1"
          autoComplete="off"
          error={errors.address?.line1?.message}
          {...form.register('address.line1')}
        />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            label="Postal code"
            autoComplete="off"
            error={errors.address?.postalCode?.message}
            {...form.register('address.postalCode')}
          />
          <TextField
            label="City"
            autoComplete="off"
            error={errors.address?.city?.message}
            {...form.register('address.city')}
          />
          <TextField
            label="Country"
            autoComplete="off"
            maxLength={2}
            hint="Two letters, e.g. US or DE."
            error={errors.address?.country?.message}
            {...form.register('address.country')}
          />
        </div>
        {errors.address?.message ? (
          <p id={ids.address} role="alert" className="text-sm text-destructive">
            {errors.address.message}
          </p>
        ) : null}
      </fieldset>

      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone} disabled={update.isPending}>
          Cancel
        </Button>
        <Button type="submit" disabled={update.isPending || conflict}>
          {update.isPending ? 'Saving…' : 'Save changes'}
        </Button>
      </DialogFooter>
    </form>
  );
}
