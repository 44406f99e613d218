'use client';

import { useRouter } from 'next/navigation';
import { toast } from '@/lib/toast';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader } from '@/components/ui/card';
import { describeError } from '@/lib/server-errors';
import { useOpenOnce } from '@/lib/use-open-once';
import { api } from '@/trpc/react';
import { LazyCreateOrganizationDialog } from './lazy-create-organization-dialog';
import type { OrganizationOption } from './organization-switcher';

/** Shown when the session has no organization: after leaving one, or when it was deleted. */
export function NoOrganization({ organizations }: { organizations: OrganizationOption[] }) {
  const router = useRouter();
  const utils = api.useUtils();
  const create = useOpenOnce();
  const switchTo = api.organizations.switch.useMutation({
    onSuccess: async () => {
      await utils.invalidate();
      router.refresh();
    },
    onError: (error) => toast.error(describeError(error)),
  });
  return (
    <Card className="mx-auto max-w-lg">
      <CardHeader>
        <h1 className="text-xl font-semibold">Choose an organization</h1>
        <CardDescription>
          {organizations.length
            ? 'You are not working in an organization right now. Pick one of yours, or create a new one.'
            : 'You do not belong to any organization. Create one, or ask someone to invite you.'}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-2">
        {organizations.map((organization) => (
          <Button
            key={organization.id}
            variant="outline"
            className="justify-between"
            disabled={switchTo.isPending}
            onClick={() => switchTo.mutate({ organizationId: organization.id })}
          >
            <span>{organization.name}</span>
            <span className="text-xs text-muted-foreground">{organization.role}</span>
          </Button>
        ))}
        <Button onClick={() => create.setOpen(true)}>Create an organization</Button>
        {create.mounted ? (
          <LazyCreateOrganizationDialog open={create.open} onOpenChange={create.setOpen} />
        ) : null}
      </CardContent>
    </Card>
  );
}
