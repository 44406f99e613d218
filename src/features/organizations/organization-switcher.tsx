'use client';

import { Building2Icon, ChevronsUpDownIcon, PlusIcon } from 'lucide-react';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { useOpenOnce } from '@/lib/use-open-once';
import { LazyCreateOrganizationDialog } from './lazy-create-organization-dialog';
import { useSwitchOrganization } from './use-switch-organization';

export interface OrganizationOption {
  id: string;
  name: string;
  role: string;
  active: boolean;
  /** Set on a sandbox: the live organization it is the twin of. */
  sandboxOfId?: string | null;
}

export function OrganizationSwitcher({ organizations }: { organizations: OrganizationOption[] }) {
  const create = useOpenOnce();
  const active = organizations.find((organization) => organization.active);
  const switchTo = useSwitchOrganization();

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button
            variant="ghost"
            size="sm"
            // On a phone the name gives way to the top bar's buttons.
            className="min-w-0 shrink"
            aria-label={`Organization: ${active?.name ?? 'none'}. Switch organization`}
          >
            <Building2Icon aria-hidden="true" />
            <span className="max-w-32 min-w-0 truncate sm:max-w-48">
              {active?.name ?? 'Choose an organization'}
            </span>
            <ChevronsUpDownIcon className="opacity-50" aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-64">
          <DropdownMenuLabel>Organizations</DropdownMenuLabel>
          {organizations.map((organization) => (
            <DropdownMenuItem
              key={organization.id}
              disabled={organization.active || switchTo.isPending}
              onSelect={() => switchTo.mutate({ organizationId: organization.id })}
            >
              <span className="truncate">{organization.name}</span>
              <span className="ml-auto text-xs text-muted-foreground">
                {organization.sandboxOfId ? 'sandbox · ' : ''}
                {organization.role}
              </span>
            </DropdownMenuItem>
          ))}
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => create.setOpen(true)}>
            <PlusIcon aria-hidden="true" />
            New organization
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {create.mounted ? (
        <LazyCreateOrganizationDialog open={create.open} onOpenChange={create.setOpen} />
      ) : null}
    </>
  );
}
