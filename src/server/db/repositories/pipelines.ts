import { randomUUID } from 'node:crypto';
import { pipelines, pipelineStages } from '../schema';
import type { IdentityTx } from '../types';

/** The stages of the pipeline every organization starts with. */
export const DEFAULT_STAGES = [
  { name: 'Lead in', probability: 10, kind: 'open' },
  { name: 'Qualified', probability: 25, kind: 'open' },
  { name: 'Proposal', probability: 50, kind: 'open' },
  { name: 'Negotiation', probability: 75, kind: 'open' },
  { name: 'Won', probability: 100, kind: 'won' },
  { name: 'Lost', probability: 0, kind: 'lost' },
] as const;

/**
 * A new organization's default pipeline, written by the identity role that creates the
 * organization: it may insert these rows but read none back, hence ids made here.
 */
export async function insertDefaultPipeline(tx: IdentityTx, organizationId: string) {
  const pipelineId = randomUUID();
  await tx
    .insert(pipelines)
    .values({ id: pipelineId, organizationId, name: 'Sales', isDefault: true });
  await tx
    .insert(pipelineStages)
    .values(
      DEFAULT_STAGES.map((stage, position) => ({ ...stage, organizationId, pipelineId, position })),
    );
}
