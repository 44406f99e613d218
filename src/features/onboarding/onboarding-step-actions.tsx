'use client';

import { PlusIcon, Settings2Icon, UploadIcon, UserPlusIcon, type LucideIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import type { DialogOpenState } from '@/components/form-dialog';
import { LazyDialogButton } from '@/components/lazy-dialog-button';
import { useCan } from '@/components/permissions-provider';
import { Button } from '@/components/ui/button';
import type { OnboardingStep } from '@/schemas/onboarding';
import type { Pipeline } from '@/schemas/pipelines';
import { api } from '@/trpc/react';

/** The button as it will be, inactive until its dialog's code is there: nothing moves. */
function PendingButton({ icon: Icon, label }: { icon: LucideIcon; label: string }) {
  return (
    <Button size="sm" disabled>
      <Icon aria-hidden="true" />
      {label}
    </Button>
  );
}

// The forms behind these buttons load after the dashboard, not with it.
const INVITE_LABEL = 'Invite a teammate';
const InviteMemberDialog = dynamic(
  () => import('@/features/team/invite-member-dialog').then((module) => module.InviteMemberDialog),
  { ssr: false, loading: () => <PendingButton icon={UserPlusIcon} label={INVITE_LABEL} /> },
);

const loadStagesDialog = () => import('@/features/deals/pipeline-stages-dialog');
const PipelineStagesDialog = dynamic(
  () => loadStagesDialog().then((module) => module.PipelineStagesDialog),
  { ssr: false },
);

/** Reads the checklist again when the stages dialog closes: the step may be done now. */
function useRefreshOnClose() {
  const utils = api.useUtils();
  return (state: DialogOpenState): DialogOpenState => ({
    ...state,
    onOpenChange: (open) => {
      state.onOpenChange(open);
      if (!open) void utils.onboarding.progress.invalidate();
    },
  });
}

function EditStagesButton({ pipeline }: { pipeline: Pipeline }) {
  const refreshOnClose = useRefreshOnClose();
  return (
    <LazyDialogButton
      size="sm"
      load={loadStagesDialog}
      icon={Settings2Icon}
      dialog={(state) => <PipelineStagesDialog pipeline={pipeline} {...refreshOnClose(state)} />}
    >
      Edit stages
    </LazyDialogButton>
  );
}

function PipelineActions() {
  const pipelines = api.pipelines.list.useQuery({});
  const pipeline =
    pipelines.data?.items.find((candidate) => candidate.isDefault) ?? pipelines.data?.items[0];
  return (
    <>
      {pipeline ? (
        <EditStagesButton pipeline={pipeline} />
      ) : pipelines.isPending ? (
        <PendingButton icon={Settings2Icon} label="Edit stages" />
      ) : null}
      <Button asChild size="sm" variant="outline">
        <Link href="/deals">Open the deals board</Link>
      </Button>
    </>
  );
}

/** What a person presses to take a step, right where the checklist is. */
export function OnboardingStepActions({
  step,
  canAssignOwner,
}: {
  step: OnboardingStep;
  canAssignOwner: boolean;
}) {
  const canCreateCustomers = useCan('customers:write');
  const canImport = useCan('data:import');
  switch (step) {
    case 'customers':
      return (
        <>
          {canCreateCustomers ? (
            <Button asChild size="sm">
              <Link href="/customers?new=customer">
                <PlusIcon aria-hidden="true" />
                Add a customer
              </Link>
            </Button>
          ) : null}
          {canImport ? (
            <Button asChild size="sm" variant="outline">
              <Link href="/import">
                <UploadIcon aria-hidden="true" />
                Import customers
              </Link>
            </Button>
          ) : null}
        </>
      );
    case 'team':
      return <InviteMemberDialog canAssignOwner={canAssignOwner} label={INVITE_LABEL} size="sm" />;
    case 'pipeline':
      return <PipelineActions />;
    case 'apiKey':
      // On the keys page: the new key is shown once, in a dialog that must outlive this step,
      // which is done (and may take the whole checklist away) as soon as the key exists.
      return (
        <Button asChild size="sm">
          <Link href="/api-keys?new=key">
            <PlusIcon aria-hidden="true" />
            Create a key
          </Link>
        </Button>
      );
  }
}
