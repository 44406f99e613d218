'use client';

import { ConfirmDestructiveDialog } from '@/components/confirm-destructive-dialog';
import { useCan } from '@/components/permissions-provider';
import { QueryState } from '@/components/query-state';
import { SettingsSection } from '@/components/settings-section';
import { Button } from '@/components/ui/button';
import { useSwitchOrganization } from '@/features/organizations/use-switch-organization';
import { describeError } from '@/lib/server-errors';
import { toast } from '@/lib/toast';
import type { OrganizationWithTwin } from '@/schemas/sandbox';
import { api } from '@/trpc/react';
import { useLeavePage } from './use-leave-page';

/**
 * The organization's sandbox: a twin with the same members and its own data, for integrators.
 * From the live organization: create it, open it, delete it; in the sandbox: reset it (with
 * demo data or without), go back, delete it.
 */
export function SandboxSection() {
  const organization = api.sandbox.get.useQuery();
  return (
    <SettingsSection
      title="Sandbox"
      description="A separate organization with the same members, to develop and test integrations without touching live customers. Its API keys start clt_test_."
    >
      <QueryState
        query={organization}
        loading={{ label: 'Loading the sandbox', shape: 'fields' }}
        failure="The sandbox could not be loaded."
      >
        {(current) =>
          current.isSandbox ? (
            <InSandbox current={current} />
          ) : (
            <InLiveOrganization current={current} />
          )
        }
      </QueryState>
    </SettingsSection>
  );
}

function InLiveOrganization({ current }: { current: OrganizationWithTwin }) {
  const utils = api.useUtils();
  const switchTo = useSwitchOrganization();
  const create = api.sandbox.create.useMutation();
  const { sandbox } = current;

  if (!sandbox) {
    return (
      <div>
        <Button
          type="button"
          disabled={create.isPending}
          onClick={async () => {
            const created = await create.mutateAsync().catch((error: unknown) => {
              toast.error(describeError(error));
              return null;
            });
            if (!created) return;
            toast.success(`${created.name} was created`);
            await utils.sandbox.get.invalidate();
          }}
        >
          {create.isPending ? 'Creating…' : 'Create sandbox'}
        </Button>
      </div>
    );
  }
  return (
    <>
      <p className="text-sm">
        This organization’s sandbox is <strong>{sandbox.name}</strong>.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          disabled={switchTo.isPending}
          onClick={() => switchTo.mutate({ organizationId: sandbox.id })}
        >
          Open sandbox
        </Button>
        <DeleteSandboxButton name={sandbox.name} onDeleted={() => utils.sandbox.get.invalidate()} />
      </div>
    </>
  );
}

function InSandbox({ current }: { current: OrganizationWithTwin }) {
  const utils = api.useUtils();
  const leavePage = useLeavePage();
  const switchTo = useSwitchOrganization();
  const reset = api.sandbox.reset.useMutation();
  const live = current.liveOrganization;

  const resetWith = (seed: boolean) => async () => {
    const result = await reset.mutateAsync({ seed });
    await utils.invalidate();
    toast.success(
      result.seeded
        ? `The sandbox was reset with ${result.seeded.customers} demo customers`
        : 'The sandbox was reset',
    );
  };

  return (
    <>
      <p className="text-sm">
        {live ? (
          <>
            You are in the sandbox of <strong>{live.name}</strong>.
          </>
        ) : (
          'You are in a sandbox.'
        )}{' '}
        Resetting deletes every customer, company, deal, order and task here; members, API keys,
        webhooks, OAuth apps and the audit trail stay.
      </p>
      <div className="flex flex-wrap gap-2">
        <ConfirmDestructiveDialog
          trigger={
            <Button type="button" variant="outline" disabled={reset.isPending}>
              Reset sandbox
            </Button>
          }
          title={`Reset ${current.name}?`}
          description="Every record of the sandbox is deleted. Members, API keys, webhooks, OAuth apps and the audit trail stay."
          confirmLabel="Reset sandbox"
          pendingLabel="Resetting…"
          onConfirm={resetWith(false)}
        />
        <ConfirmDestructiveDialog
          trigger={
            <Button type="button" variant="outline" disabled={reset.isPending}>
              Reset with demo data
            </Button>
          }
          title={`Reset ${current.name} with demo data?`}
          description="Every record of the sandbox is deleted, then demo customers, companies, deals and orders are added."
          confirmLabel="Reset with demo data"
          pendingLabel="Resetting…"
          onConfirm={resetWith(true)}
        />
        {live ? (
          <Button
            type="button"
            variant="outline"
            disabled={switchTo.isPending}
            onClick={() => switchTo.mutate({ organizationId: live.id })}
          >
            Back to {live.name}
          </Button>
        ) : null}
        <DeleteSandboxButton
          name={current.name}
          onDeleted={() =>
            live ? switchTo.mutateAsync({ organizationId: live.id }) : leavePage('/customers')
          }
        />
      </div>
    </>
  );
}

/** Deletes the sandbox after a confirmation; for those who may delete organizations. */
function DeleteSandboxButton({
  name,
  onDeleted,
}: {
  name: string;
  onDeleted: () => Promise<unknown>;
}) {
  const canDelete = useCan('org:delete');
  const remove = api.sandbox.delete.useMutation();
  if (!canDelete) return null;
  return (
    <ConfirmDestructiveDialog
      trigger={
        <Button type="button" variant="destructive" disabled={remove.isPending}>
          Delete sandbox
        </Button>
      }
      title={`Delete ${name}?`}
      description="The sandbox is deleted with all its data and API keys, for every member. This cannot be undone."
      confirmLabel="Delete sandbox"
      pendingLabel="Deleting…"
      onConfirm={async () => {
        await remove.mutateAsync();
        toast.success(`${name} was deleted`);
        await onDeleted();
      }}
    />
  );
}
