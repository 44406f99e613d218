'use client';

import Link from 'next/link';
import { formatDateTime, formatRelative } from '@/lib/format';
import { api } from '@/trpc/react';
import { QueryCard } from './dashboard-card';
import { activityHref, activitySentence } from '@/features/timeline/activity-sentence';

export function RecentActivity() {
  const activity = api.dashboard.recentActivity.useQuery();
  return (
    <QueryCard
      title="Recent activity"
      description="The latest changes to customers, companies, deals, orders, tasks and timelines."
      query={activity}
      failure="The recent activity could not be loaded."
      isEmpty={(entries) => entries.length === 0}
      empty={{
        title: 'No activity yet.',
        hint: 'Add a customer, log a call or create an order, and it will show up here.',
      }}
    >
      {(entries) => (
        <ol className="divide-y">
          {entries.map((entry) => {
            const sentence = activitySentence(entry);
            const href = activityHref(entry);
            return (
              <li
                key={entry.id}
                className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3 first:pt-0 last:pb-0"
              >
                {href ? (
                  <Link href={href} className="min-w-0 underline-offset-4 hover:underline">
                    {sentence}
                  </Link>
                ) : (
                  <span className="min-w-0">{sentence}</span>
                )}
                <time
                  dateTime={entry.createdAt.toISOString()}
                  title={formatDateTime(entry.createdAt)}
                  className="shrink-0 text-sm text-muted-foreground"
                  suppressHydrationWarning
                >
                  {formatRelative(entry.createdAt)}
                </time>
              </li>
            );
          })}
        </ol>
      )}
    </QueryCard>
  );
}
