import { z } from 'zod';
import { uuid } from './common';

/** The first things a new organization does, in the order the checklist shows them. */
export const ONBOARDING_STEPS = ['customers', 'team', 'pipeline', 'apiKey'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/**
 * The checklist of the caller: only the steps their role can act on, each done or not from the
 * organization's data. `hasData` says whether there is anything for the dashboard's figures.
 */
export const onboardingProgressOutput = z.object({
  /** Whose checklist this is, so hiding it is remembered per organization. */
  organizationId: uuid(),
  steps: z.array(z.object({ step: z.enum(ONBOARDING_STEPS), done: z.boolean() })),
  doneCount: z.number().int(),
  hasData: z.boolean(),
});
export type OnboardingProgress = z.infer<typeof onboardingProgressOutput>;
