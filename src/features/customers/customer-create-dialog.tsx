'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { PlusIcon } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { customerName } from '@/lib/format';
import { applyServerErrors, describeError } from '@/lib/server-errors';
import { customerCreateInput, type CustomerCreateInput } from '@/schemas/customers';
import { api } from '@/trpc/react';
import { BASIC_FIELDS, CustomerBasicFields } from './customer-form-fields';

const EMPTY: CustomerCreateInput = {
  firstName: '',
  lastName: '',
  email: '',
  company: '',
  phone: '',
  status: 'lead',
};

export function CustomerCreateDialog() {
  const [open, setOpen] = useState(false);
  const utils = api.useUtils();
  const form = useForm<CustomerCreateInput>({
    resolver: zodResolver(customerCreateInput),
    defaultValues: EMPTY,
  });
  const create = api.customers.create.useMutation({
    onSuccess: async (customer) => {
      toast.success(`${customerName(customer)} was added`);
      form.reset(EMPTY);
      setOpen(false);
      await Promise.all([utils.customers.list.invalidate(), utils.customers.count.invalidate()]);
    },
    onError: (error) => {
      if (!applyServerErrors(error, form.setError, BASIC_FIELDS)) toast.error(describeError(error));
    },
  });

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <PlusIcon aria-hidden="true" />
          New customer
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New customer</DialogTitle>
          <DialogDescription>
            Only the first name is required; add the rest when you know it.
          </DialogDescription>
        </DialogHeader>
        <form
          noValidate
          className="grid gap-4"
          onSubmit={form.handleSubmit((values) => create.mutate(values))}
        >
          <CustomerBasicFields form={form} />
          <DialogFooter>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? 'Creating…' : 'Create customer'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
