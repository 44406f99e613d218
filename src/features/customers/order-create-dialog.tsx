'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { keepPreviousData } from '@tanstack/react-query';
import { PlusIcon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { toast } from '@/lib/toast';
import { FormDialog, FormDialogActions } from '@/components/form-dialog';
import { PostForm } from '@/components/post-form';
import { SearchCombobox, type ComboboxOption } from '@/components/search-combobox';
import { Button } from '@/components/ui/button';
import { OrderLinesFields } from '@/features/orders/order-lines-fields';
import {
  applyOrderLinesErrors,
  EMPTY_LINE,
  orderLinesForm,
  type OrderLinesFormInput,
  type OrderLinesFormOutput,
} from '@/features/orders/order-lines-form';
import { customerName } from '@/lib/format';
import { describeError, issuesOf } from '@/lib/server-errors';
import { api } from '@/trpc/react';

const DEFAULTS: OrderLinesFormInput = { currency: 'USD', lines: [EMPTY_LINE] };
const SEARCH_DELAY_MS = 200;
const CHOOSE_A_CUSTOMER = 'Choose a customer from the suggestions';

/**
 * A draft order: its currency and lines; the server computes the totals. From a customer's page
 * the order is theirs; elsewhere (the orders list) the customer is picked in the dialog first.
 */
export function OrderCreateDialog({
  customerId,
  initiallyOpen = false,
}: {
  /** The customer the order is for; without it the dialog asks. */
  customerId?: string;
  /** Open when the page comes, as a link asked (/orders?new=order). */
  initiallyOpen?: boolean;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <FormDialog
      trigger={
        <Button>
          <PlusIcon aria-hidden="true" />
          New order
        </Button>
      }
      open={open}
      onOpenChange={setOpen}
      className="sm:max-w-2xl"
      title="New order"
      description={
        customerId
          ? 'The order starts as a draft; you can place it from its page.'
          : 'Choose the customer, then the lines. The order starts as a draft; you can place it from its page.'
      }
    >
      <OrderForm customerId={customerId} onCancel={() => setOpen(false)} />
    </FormDialog>
  );
}

function OrderForm({ customerId, onCancel }: { customerId?: string; onCancel: () => void }) {
  const router = useRouter();
  const utils = api.useUtils();
  const [picked, setPicked] = useState<ComboboxOption | null>(null);
  const [customerError, setCustomerError] = useState<string>();
  const form = useForm<OrderLinesFormInput, unknown, OrderLinesFormOutput>({
    resolver: zodResolver(orderLinesForm),
    defaultValues: DEFAULTS,
  });
  const create = api.orders.create.useMutation({
    onSuccess: async (order) => {
      toast.success(`Order #${String(order.number)} was created`);
      router.push(`/orders/${order.id}`);
      await utils.orders.invalidate();
    },
    onError: (error) => {
      // The customer picked meanwhile deleted (or erased) is refused by name.
      const customerIssue = issuesOf(error).find((issue) => issue.path[0] === 'customerId');
      if (!customerId && customerIssue) setCustomerError('This customer no longer exists');
      else if (!applyOrderLinesErrors(error, form)) toast.error(describeError(error));
    },
  });

  const chosenCustomerId = customerId ?? picked?.id;
  const onSubmit = form.handleSubmit((values) => {
    if (!chosenCustomerId) {
      setCustomerError(CHOOSE_A_CUSTOMER);
      return;
    }
    create.mutate({ customerId: chosenCustomerId, ...values });
  });

  return (
    <PostForm
      onSubmit={(event) => {
        // The customer is checked with the lines, so every problem shows at once.
        if (!chosenCustomerId) setCustomerError(CHOOSE_A_CUSTOMER);
        void onSubmit(event);
      }}
    >
      {customerId ? null : (
        <CustomerPicker
          picked={picked}
          onPickedChange={(option) => {
            setPicked(option);
            setCustomerError(undefined);
          }}
          error={customerError}
        />
      )}
      <OrderLinesFields form={form} fallbackCurrency={DEFAULTS.currency} />
      <FormDialogActions
        pending={create.isPending}
        submitLabel="Create order"
        pendingLabel="Creating…"
        onCancel={onCancel}
      />
    </PostForm>
  );
}

/** Finds the order's customer by name, e-mail or company as it is typed. */
function CustomerPicker({
  picked,
  onPickedChange,
  error,
}: {
  picked: ComboboxOption | null;
  onPickedChange: (option: ComboboxOption | null) => void;
  error?: string;
}) {
  const [term, setTerm] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(term.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [term]);
  const search = api.customers.list.useQuery(
    { q: query, limit: 8 },
    { enabled: query.length > 0, placeholderData: keepPreviousData },
  );
  const options = (query ? (search.data?.items ?? []) : []).map((customer) => ({
    id: customer.id,
    label: customerName(customer),
    hint: customer.company ?? customer.email ?? undefined,
  }));

  return (
    <SearchCombobox
      label="Customer"
      value={term}
      onValueChange={(value) => {
        setTerm(value);
        if (picked && value !== picked.label) onPickedChange(null);
      }}
      options={options}
      searching={term.trim() !== query || search.isFetching}
      emptyText="No customer matches."
      placeholder="Search by name or e-mail"
      onPick={(option) => {
        onPickedChange(option);
        setTerm(option.label);
      }}
      error={error}
      autoFocus
    />
  );
}
