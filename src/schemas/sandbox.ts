import { z } from 'zod';
import { organizationSummary } from './common';

const recordCount = () => z.number().int().min(0);

/** The current organization and its twin: its live organization, or its sandbox. */
export const organizationWithTwin = organizationSummary
  .extend({
    isSandbox: z.boolean().meta({
      description: 'Whether this organization is a sandbox (its API keys start `clt_test_`).',
    }),
    liveOrganization: organizationSummary
      .nullable()
      .meta({ description: 'In a sandbox: the live organization it is the twin of.' }),
    sandbox: organizationSummary
      .nullable()
      .meta({ description: 'In a live organization: its sandbox, if it has one.' }),
  })
  .meta({ id: 'OrganizationWithTwin' });

export type OrganizationWithTwin = z.infer<typeof organizationWithTwin>;

/** What demo data a seed added. */
export const demoRecordCounts = z
  .object({
    customers: recordCount(),
    interactions: recordCount(),
    orders: recordCount(),
    companies: recordCount(),
    deals: recordCount(),
  })
  .meta({ id: 'DemoRecordCounts' });

export const resetSandboxInput = z.strictObject({
  seed: z
    .boolean()
    .default(false)
    .meta({ description: 'Fill the emptied sandbox with demo data in the same step.' }),
});

export const resetSandboxOutput = z.object({
  organization: organizationSummary,
  seeded: demoRecordCounts
    .nullable()
    .meta({ description: 'The demo data added, when asked for with `seed`.' }),
});
