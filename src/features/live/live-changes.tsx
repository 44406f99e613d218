'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { errorCode } from '@/lib/server-errors';
import { api } from '@/trpc/react';

const DEBOUNCE_MS = 300;

/**
 * Keeps every open page up to date: subscribes to the organization's changes (server-sent
 * events, resumed from the last one seen after a reconnect) and refreshes the queries a change
 * touches. Bursts (an import) are folded into one refresh.
 *
 * The server ends the stream when the person's access ends (signed out, session revoked or
 * expired, removed from the organization, or the session turned to another one): the pages
 * are then rendered again, which takes a signed-out browser to sign-in like any page would.
 * The stream is not reopened, where it would only be refused again. A change to the person's
 * own membership (a new role) renders the pages again too, for what the role may see.
 */
export function LiveChanges({ userId }: { userId: string }) {
  const router = useRouter();
  const utils = api.useUtils();
  const pending = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  api.events.changes.useSubscription(undefined, {
    onError: (error) => {
      const code = errorCode(error);
      if (code === 'UNAUTHORIZED' || code === 'FORBIDDEN') router.refresh();
    },
    onData: ({ data: change }) => {
      if (change.entityType === 'membership' && change.entityId === userId) router.refresh();
      pending.current.add(change.entityType);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const types = pending.current;
        pending.current = new Set();
        const imported = ['customer_import', 'company_import', 'deal_import'].some((type) =>
          types.has(type),
        );
        if (types.has('customer') || types.has('customer_erasure') || imported) {
          void utils.customers.invalidate();
          void utils.dashboard.invalidate();
        }
        // A company's page shows its people, their timeline and orders: any of them may change it.
        if (
          ['company', 'customer', 'customer_erasure', 'interaction', 'order'].some((type) =>
            types.has(type),
          ) ||
          imported
        ) {
          void utils.companies.invalidate();
        }
        // A renamed or merged company is written into its people.
        if (types.has('company')) void utils.customers.invalidate();
        // Interactions show only in timelines, reloaded below with the audit trail.
        if (types.has('order')) {
          void utils.orders.invalidate();
          void utils.dashboard.invalidate();
        }
        if (types.has('deal') || types.has('pipeline') || types.has('deal_import')) {
          void utils.deals.invalidate();
          void utils.dashboard.invalidate();
        }
        if (types.has('pipeline')) void utils.pipelines.invalidate();
        // The dashboard's overdue count is one of the task queries.
        if (types.has('task')) void utils.tasks.invalidate();
        if (imported) void utils.imports.invalidate();
        if (types.has('membership') || types.has('invitation')) {
          void utils.members.invalidate();
          void utils.invitations.invalidate();
        }
        if (types.has('notification')) void utils.notifications.invalidate();
        if (types.has('api_key')) void utils.apiKeys.invalidate();
        if (types.has('webhook_endpoint') || types.has('webhook_delivery')) {
          void utils.webhooks.invalidate();
        }
        void utils.audit.invalidate();
        void utils.timeline.invalidate();
      }, DEBOUNCE_MS);
    },
  });
  return null;
}
