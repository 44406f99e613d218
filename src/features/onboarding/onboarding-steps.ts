import type { OnboardingStep } from '@/schemas/onboarding';

/** How each step reads on the checklist. */
export const STEP_TEXT: Record<OnboardingStep, { title: string; hint: string }> = {
  customers: {
    title: 'Add customers or import them',
    hint: 'Type in the people you sell to, or bring them over from a spreadsheet.',
  },
  team: {
    title: 'Invite your team',
    hint: 'Work on the same customers together, each person with a role that fits.',
  },
  pipeline: {
    title: 'Set up your pipeline',
    hint: 'Name the stages your deals go through, or add your first deal.',
  },
  apiKey: {
    title: 'Create an API key',
    hint: 'Let your other tools read and update customers.',
  },
};
