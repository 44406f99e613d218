import type { EventType } from '@/schemas/events';
import { mentionedIds } from '@/schemas/mentions';
import type { AuditChanges } from '@/server/db/schema';
import { getStage } from '@/server/db/repositories/pipelines';
import type { TenantTx } from '@/server/db/types';
import type { JobQueue } from '@/server/jobs/queue';
import { notify, type NewNotification } from './notify';

/** A published change, as the audit trail records it. */
export interface PublishedChange {
  action: EventType;
  entityType: string;
  entityId: string | null;
  changes?: AuditChanges;
  data: object;
}

type Data = Record<string, unknown>;

/** Who made the change: a person or an API key. */
interface Actor {
  actorType: 'user' | 'api_key' | 'oauth_app';
  actorId: string;
}

/** The owner or assignee a change gave the record: set on creation, or changed to. */
function newlyGiven(change: PublishedChange, field: 'ownerId' | 'assigneeId'): string | null {
  if (change.action.endsWith('.created'))
    return ((change.data as Data)[field] as string | null) ?? null;
  const after = change.changes?.after as Data | undefined;
  return after && field in after ? ((after[field] as string | null) ?? null) : null;
}

const quoted = (text: unknown) => `“${String(text)}”`;

const RECORD_NAMES: Record<string, (data: Data) => string> = {
  customer: (data) =>
    [data.firstName, data.lastName].filter(Boolean).join(' ') || String(data.email ?? 'a customer'),
  company: (data) => String(data.name),
  deal: (data) => `the deal ${quoted(data.title)}`,
  task: (data) => `the task ${quoted(data.title)}`,
};

const LINKS: Record<string, (id: string) => string> = {
  customer: (id) => `/customers/${id}`,
  company: (id) => `/companies/${id}`,
  deal: (id) => `/deals/${id}`,
  task: () => '/tasks',
};

/** An entry is on the timeline of its deal, else its customer, else its company. */
function interactionLink(data: Data) {
  if (data.dealId) return `/deals/${String(data.dealId)}`;
  if (data.customerId) return `/customers/${String(data.customerId)}`;
  return `/companies/${String(data.companyId)}`;
}

/** Who a created or changed note newly mentions (an edit tells only those it adds). */
function newlyMentioned(change: PublishedChange, fields: string[]): string[] {
  const data = change.data as Data;
  const texts = (source: Data | undefined) => fields.map((field) => source?.[field] as string);
  const now = mentionedIds(...texts(data));
  if (change.action.endsWith('.created')) return now;
  const before = change.changes?.before as Data | undefined;
  const after = change.changes?.after as Data | undefined;
  if (!fields.some((field) => after && field in after)) return [];
  const earlier = new Set(
    mentionedIds(...fields.map((field) => (before?.[field] ?? data[field]) as string)),
  );
  return now.filter((id) => !earlier.has(id));
}

/** Mentions in a timeline entry or in a task's notes. */
function mentionsIn(change: PublishedChange, actor: Actor): NewNotification[] {
  const data = change.data as Data;
  const byPerson = actor.actorType === 'user';
  const said = (predicate: string) => (byPerson ? predicate : `An API key ${predicate}`);
  const edited = change.action.endsWith('.created') || change.action.endsWith('.updated');
  if (!edited || !change.entityId) return [];
  const [fields, where, link] =
    change.entityType === 'interaction'
      ? [['subject', 'content'], quoted(data.subject), interactionLink(data)]
      : change.entityType === 'task'
        ? [['notes'], `the task ${quoted(data.title)}`, '/tasks']
        : [[], '', ''];
  return newlyMentioned(change, fields).map((recipientId) => ({
    type: 'mentioned',
    recipientId,
    actorId: byPerson ? actor.actorId : null,
    summary: said(`mentioned you in ${where}`),
    body: String(data.content ?? data.notes ?? '').slice(0, 280),
    link,
    entityType: change.entityType,
    entityId: change.entityId,
  }));
}

/**
 * Whom a change concerns, and what to tell them: the member a customer, company, deal or task
 * was just given to; the owner of a deal that moved, was won or was lost.
 */
export function notificationsOf(
  change: PublishedChange,
  actor: Actor,
  stageName?: string,
): NewNotification[] {
  const mentions = mentionsIn(change, actor);
  const { entityType, entityId } = change;
  const data = change.data as Data;
  const nameOf = RECORD_NAMES[entityType];
  const linkOf = LINKS[entityType];
  if (!nameOf || !linkOf || !entityId) return mentions;
  const byPerson = actor.actorType === 'user';
  const base = {
    actorId: byPerson ? actor.actorId : null,
    link: linkOf(entityId),
    entityType,
    entityId,
  };
  // Said after the actor's name; an API key is named as such.
  const said = (predicate: string) => (byPerson ? predicate : `An API key ${predicate}`);
  const found: NewNotification[] = [...mentions];

  const field = entityType === 'task' ? 'assigneeId' : 'ownerId';
  const given = newlyGiven(change, field);
  if (given && (change.action.endsWith('.created') || change.action.endsWith('.updated'))) {
    found.push({
      ...base,
      type: 'assigned',
      recipientId: given,
      summary: said(
        entityType === 'task'
          ? `assigned you ${nameOf(data)}`
          : `made you the owner of ${nameOf(data)}`,
      ),
    });
  }

  const owner = entityType === 'deal' ? (data.ownerId as string | null) : null;
  if (owner) {
    if (change.action === 'deal.won' || change.action === 'deal.lost') {
      const won = change.action === 'deal.won';
      found.push({
        ...base,
        type: won ? 'deal_won' : 'deal_lost',
        recipientId: owner,
        summary: said(`marked your deal ${quoted(data.title)} ${won ? 'won' : 'lost'}`),
      });
    } else if (change.action === 'deal.stage_changed' && data.status === 'open') {
      found.push({
        ...base,
        type: 'deal_stage_changed',
        recipientId: owner,
        summary: said(`moved your deal ${quoted(data.title)} to ${stageName ?? 'another stage'}`),
      });
    }
  }
  return found;
}

/** Tells the members a change concerns, in the change's transaction. */
export async function notifyOf(
  tx: TenantTx,
  jobs: JobQueue,
  change: PublishedChange,
  actor: Actor,
) {
  const stageName =
    change.action === 'deal.stage_changed'
      ? (await getStage(tx, String((change.data as Data).stageId)))?.name
      : undefined;
  for (const notification of notificationsOf(change, actor, stageName)) {
    await notify(tx, jobs, notification);
  }
}
