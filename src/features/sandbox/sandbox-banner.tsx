'use client';

import { FlaskConicalIcon } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { useSwitchOrganization } from '@/features/organizations/use-switch-organization';

/**
 * Across the app in a sandbox, so nobody mistakes its data for the live organization's; with
 * the way back when the person works in the live organization too.
 */
export function SandboxBanner({ live }: { live: { id: string; name: string } | null }) {
  const switchTo = useSwitchOrganization();
  return (
    <div
      role="note"
      aria-label="Sandbox"
      className="border-b bg-sky-50 text-sky-950 dark:bg-sky-950/40 dark:text-sky-100"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-2 text-sm">
        <FlaskConicalIcon className="size-4" aria-hidden="true" />
        <p>
          {live ? (
            <>
              Sandbox of <strong>{live.name}</strong> — data here is separate.
            </>
          ) : (
            'This is a sandbox — data here is separate.'
          )}
        </p>
        {live ? (
          <Button
            variant="link"
            size="sm"
            className="h-auto p-0 text-inherit underline"
            disabled={switchTo.isPending}
            onClick={() => switchTo.mutate({ organizationId: live.id })}
          >
            Back to {live.name}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
