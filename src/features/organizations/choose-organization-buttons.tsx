'use client';

import { Button } from '@/components/ui/button';
import { useOpenOnce } from '@/lib/use-open-once';
import { LazyCreateOrganizationDialog } from './lazy-create-organization-dialog';
import type { OrganizationOption } from './organization-switcher';
import { useSwitchOrganization } from './use-switch-organization';

/** A button per organization of the member's, then one to create another. */
export function ChooseOrganizationButtons({
  organizations,
}: {
  organizations: OrganizationOption[];
}) {
  const create = useOpenOnce();
  const switchTo = useSwitchOrganization();
  return (
    <>
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
    </>
  );
}
