import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Pipeline, PipelineStage } from '@/schemas/pipelines';
import { pipelines, pipelineStages } from '../schema';
import type { IdentityTx, TenantTx } from '../types';

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
export async function insertDefaultPipeline(tx: IdentityTx | TenantTx, organizationId: string) {
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

const pipelineColumns = {
  id: pipelines.id,
  name: pipelines.name,
  isDefault: pipelines.isDefault,
  createdAt: pipelines.createdAt,
  updatedAt: pipelines.updatedAt,
};

const stageColumns = {
  id: pipelineStages.id,
  pipelineId: pipelineStages.pipelineId,
  name: pipelineStages.name,
  position: pipelineStages.position,
  probability: pipelineStages.probability,
  kind: pipelineStages.kind,
};

export type StageRow = PipelineStage & { pipelineId: string };

async function stagesOf(tx: TenantTx, pipelineIds: string[]) {
  const byPipeline = new Map<string, PipelineStage[]>();
  if (pipelineIds.length === 0) return byPipeline;
  const rows = await tx
    .select(stageColumns)
    .from(pipelineStages)
    .where(
      and(
        eq(pipelineStages.organizationId, tx.organizationId),
        inArray(pipelineStages.pipelineId, pipelineIds),
      ),
    )
    .orderBy(asc(pipelineStages.pipelineId), asc(pipelineStages.position), asc(pipelineStages.id));
  for (const { pipelineId, ...stage } of rows) {
    byPipeline.set(pipelineId, [...(byPipeline.get(pipelineId) ?? []), stage]);
  }
  return byPipeline;
}

async function withStages(tx: TenantTx, rows: Omit<Pipeline, 'stages'>[]): Promise<Pipeline[]> {
  const stages = await stagesOf(
    tx,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, stages: stages.get(row.id) ?? [] }));
}

const ofTenant = (tx: TenantTx) => eq(pipelines.organizationId, tx.organizationId);

/** All pipelines of the organization, the default first, then oldest first. */
export async function listPipelines(tx: TenantTx): Promise<Pipeline[]> {
  const rows = await tx
    .select(pipelineColumns)
    .from(pipelines)
    .where(ofTenant(tx))
    .orderBy(desc(pipelines.isDefault), asc(pipelines.createdAt), asc(pipelines.id));
  return withStages(tx, rows);
}

/** One pipeline with its stages (locked for update when asked). */
export async function getPipeline(
  tx: TenantTx,
  id: string,
  lock = false,
): Promise<Pipeline | undefined> {
  const query = tx
    .select(pipelineColumns)
    .from(pipelines)
    .where(and(ofTenant(tx), eq(pipelines.id, id)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row ? (await withStages(tx, [row]))[0] : undefined;
}

export async function getDefaultPipeline(tx: TenantTx): Promise<Pipeline | undefined> {
  const [row] = await tx
    .select(pipelineColumns)
    .from(pipelines)
    .where(and(ofTenant(tx), eq(pipelines.isDefault, true)))
    .limit(1);
  return row ? (await withStages(tx, [row]))[0] : undefined;
}

/** A stage of the organization, with its pipeline. */
export async function getStage(tx: TenantTx, id: string): Promise<StageRow | undefined> {
  const [row] = await tx
    .select(stageColumns)
    .from(pipelineStages)
    .where(and(eq(pipelineStages.organizationId, tx.organizationId), eq(pipelineStages.id, id)))
    .limit(1);
  return row;
}

type NewStage = Omit<PipelineStage, 'id' | 'position'>;

export async function insertPipeline(
  tx: TenantTx,
  values: { name: string; stages: NewStage[] },
): Promise<Pipeline> {
  const [row] = await tx
    .insert(pipelines)
    .values({ organizationId: tx.organizationId, name: values.name })
    .returning({ id: pipelines.id });
  await insertStages(
    tx,
    row!.id,
    values.stages.map((stage, position) => ({ ...stage, position })),
  );
  return (await getPipeline(tx, row!.id))!;
}

export async function insertStages(
  tx: TenantTx,
  pipelineId: string,
  stages: (NewStage & { position: number })[],
) {
  if (stages.length === 0) return;
  await tx.insert(pipelineStages).values(
    stages.map(({ name, probability, kind, position }) => ({
      name,
      probability,
      kind,
      position,
      pipelineId,
      organizationId: tx.organizationId,
    })),
  );
}

export async function updateStage(tx: TenantTx, stage: PipelineStage) {
  const { id, ...values } = stage;
  await tx
    .update(pipelineStages)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(pipelineStages.organizationId, tx.organizationId), eq(pipelineStages.id, id)));
}

export async function deleteStages(tx: TenantTx, ids: string[]) {
  if (ids.length === 0) return;
  await tx
    .delete(pipelineStages)
    .where(
      and(eq(pipelineStages.organizationId, tx.organizationId), inArray(pipelineStages.id, ids)),
    );
}

/** Marks the pipeline changed (name, when given, included). */
export async function touchPipeline(tx: TenantTx, id: string, name?: string) {
  await tx
    .update(pipelines)
    .set({
      ...(name === undefined ? {} : { name }),
      version: sql`${pipelines.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(ofTenant(tx), eq(pipelines.id, id)));
}
