import { onboardingProgressOutput } from '@/schemas/onboarding';
import { onboardingFacts } from '@/server/db/repositories/onboarding';
import { organizationProcedure } from '../../trpc';
import { onboardingProgress } from './onboarding-steps';

/** The "Get started" checklist: the steps the caller's role can take, and which are done. */
export const progress = organizationProcedure
  .meta({ permission: 'customers:read' })
  .output(onboardingProgressOutput)
  .query(async ({ ctx }) =>
    onboardingProgress(ctx.organization, await onboardingFacts(ctx.tx, new Date())),
  );
