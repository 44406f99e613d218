'use client';

import { ReceiptIcon } from 'lucide-react';
import Link from 'next/link';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import type { Deal } from '@/schemas/deals';
import { api } from '@/trpc/react';

/**
 * A won deal becomes a draft order for its first person in one click, then links to it. Without
 * a person there is no one to bill, and the button says so.
 */
export function DealOrderAction({ deal }: { deal: Deal }) {
  const utils = api.useUtils();
  const hintId = useId();
  const [order, setOrder] = useState<{ id: string; number: number } | null>(null);
  const create = api.deals.createOrder.useMutation({
    onSuccess: (created) => {
      setOrder({ id: created.id, number: created.number });
      toast.success(`Order #${created.number} was created`);
      void Promise.all([utils.orders.invalidate(), utils.dashboard.invalidate()]);
    },
    onError: (error) => toast.error(describeError(error)),
  });

  if (order) {
    return (
      <p className="text-sm">
        Draft order created:{' '}
        <Link href={`/orders/${order.id}`} className="font-medium underline underline-offset-4">
          Order #{order.number}
        </Link>
      </p>
    );
  }

  const noPerson = deal.customerIds.length === 0;
  return (
    <div className="grid gap-2">
      <div>
        <Button
          onClick={() => create.mutate({ id: deal.id })}
          disabled={noPerson || create.isPending}
          aria-describedby={hintId}
        >
          <ReceiptIcon aria-hidden="true" />
          {create.isPending ? 'Creating…' : 'Create draft order'}
        </Button>
      </div>
      <p id={hintId} className="text-sm text-muted-foreground">
        {noPerson
          ? 'An order is billed to a person: link someone to this deal to create its order.'
          : 'A draft order for the first person of the deal, with one line at the deal’s amount.'}
      </p>
    </div>
  );
}
