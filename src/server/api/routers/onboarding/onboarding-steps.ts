import type { OnboardingProgress, OnboardingStep } from '@/schemas/onboarding';
import { can, type Permission, type Role } from '@/schemas/permissions';
import type { onboardingFacts } from '@/server/db/repositories/onboarding';

type Facts = Awaited<ReturnType<typeof onboardingFacts>>;

/** What a step needs the caller to be allowed, so nobody is shown a step they cannot take. */
const STEP_PERMISSIONS: Record<OnboardingStep, Permission> = {
  customers: 'customers:write',
  team: 'members:manage',
  pipeline: 'pipelines:manage',
  apiKey: 'api-keys:manage',
};

/**
 * Each step is done from the organization's data, whoever did it:
 * - customers: a live customer exists (typed in or imported);
 * - team: someone besides the first member joined, or an invitation is waiting for an answer;
 * - pipeline: a pipeline was edited or added (the default one starts untouched), or a deal
 *   exists: whoever adds deals has accepted the stages as they are;
 * - apiKey: a key that was not revoked exists.
 */
function isDone(step: OnboardingStep, facts: Facts): boolean {
  switch (step) {
    case 'customers':
      return facts.hasCustomers;
    case 'team':
      return facts.hasTeammates || facts.hasPendingInvitations;
    case 'pipeline':
      return facts.hasEditedPipeline || facts.hasDeals;
    case 'apiKey':
      return facts.hasApiKeys;
  }
}

export function onboardingProgress(
  organization: { id: string; role: Role },
  facts: Facts,
): OnboardingProgress {
  const steps = (Object.keys(STEP_PERMISSIONS) as OnboardingStep[])
    .filter((step) => can(organization.role, STEP_PERMISSIONS[step]))
    .map((step) => ({ step, done: isDone(step, facts) }));
  return {
    organizationId: organization.id,
    steps,
    doneCount: steps.filter((step) => step.done).length,
    hasData: facts.hasCustomers || facts.hasDeals,
  };
}
