import type { RecentActivityEntry } from '@/schemas/dashboard';

export type ActivityEntry = Pick<
  RecentActivityEntry,
  'action' | 'entityType' | 'entityId' | 'actorName' | 'recordName' | 'interactionType' | 'customer'
>;

const KINDS: Record<string, string> = {
  customer: 'customer',
  company: 'company',
  deal: 'deal',
  order: 'order',
  task: 'task',
  interaction: 'timeline entry',
};

const INTERACTION_KINDS: Record<string, string> = {
  note: 'note',
  call: 'call',
  email: 'e-mail',
  meeting: 'meeting',
};

/** What was done, by its action's last word: "created", "moved"… */
const VERBS: Record<string, { active: string; passive: string }> = {
  created: { active: 'added', passive: 'was added' },
  updated: { active: 'updated', passive: 'was updated' },
  deleted: { active: 'deleted', passive: 'was deleted' },
  restored: { active: 'restored', passive: 'was restored' },
  imported: { active: 'imported', passive: 'was imported' },
  merged: { active: 'merged', passive: 'was merged' },
  stage_changed: { active: 'moved', passive: 'was moved' },
  status_changed: { active: 'changed the status of', passive: 'changed status' },
  lines_changed: { active: 'changed the lines of', passive: 'had its lines changed' },
  completed: { active: 'completed', passive: 'was completed' },
  reopened: { active: 'reopened', passive: 'was reopened' },
};

/** Whole-action wordings that read better than the verb table's. */
const SPECIAL: Record<string, { active: string; passive: string }> = {
  'order.created': { active: 'created', passive: 'was created' },
  'deal.created': { active: 'opened', passive: 'was opened' },
  'interaction.created': { active: 'logged', passive: 'was logged' },
  'task.created': { active: 'added', passive: 'was added' },
};

const IMPORTS: Record<string, string> = {
  'customer_import.started': 'started an import of customers',
  'customer_import.completed': 'finished an import of customers',
  'company_import.started': 'started an import of companies',
  'company_import.completed': 'finished an import of companies',
  'deal_import.started': 'started an import of deals',
  'deal_import.completed': 'finished an import of deals',
};

function kindOf(entry: ActivityEntry): string {
  if (entry.entityType === 'interaction' && entry.interactionType) {
    return INTERACTION_KINDS[entry.interactionType] ?? KINDS.interaction!;
  }
  return KINDS[entry.entityType] ?? entry.entityType.replaceAll('_', ' ');
}

/** "customer Rafael Cohen", "order #1042", "the call “Intro”"; "a deleted customer" once gone. */
function objectOf(entry: ActivityEntry): string {
  const kind = kindOf(entry);
  const deleting = entry.action.endsWith('.deleted');
  if (!entry.recordName) return deleting ? `a ${kind}` : `a deleted ${kind}`;
  if (entry.entityType === 'customer' || entry.entityType === 'company') return entry.recordName;
  if (entry.entityType === 'interaction' || entry.entityType === 'task') {
    return `the ${kind} “${entry.recordName}”`;
  }
  return `${kind} ${entry.recordName}`;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * "Ada Lovelace updated Rafael Cohen", "Ada created order #1042 for Rafael Cohen", "Ada moved
 * deal Acme renewal"; without a known actor, "Order #1042 was created".
 */
export function activitySentence(entry: ActivityEntry): string {
  const imported = IMPORTS[entry.action];
  if (imported) return `${entry.actorName ?? 'Someone'} ${imported}`;
  const verb = entry.action.slice(entry.action.indexOf('.') + 1);
  const wording = SPECIAL[entry.action] ??
    VERBS[verb] ?? { active: verb.replaceAll('_', ' '), passive: verb.replaceAll('_', ' ') };
  const object = objectOf(entry);
  const preposition = entry.entityType === 'interaction' ? 'with' : 'for';
  const withWhom = entry.customer ? ` ${preposition} ${entry.customer.name}` : '';
  return entry.actorName
    ? `${entry.actorName} ${wording.active} ${object}${withWhom}`
    : `${capitalized(object)}${withWhom} ${wording.passive}`;
}

/** Where an entry leads: the record, or the customer a timeline entry is with; nothing once gone. */
export function activityHref(entry: ActivityEntry): string | null {
  if (entry.entityType.endsWith('_import')) return '/import';
  if (entry.entityType === 'interaction') {
    return entry.customer ? `/customers/${encodeURIComponent(entry.customer.id)}` : null;
  }
  if (!entry.recordName || !entry.entityId) return null;
  const id = encodeURIComponent(entry.entityId);
  const paths: Record<string, string> = {
    customer: `/customers/${id}`,
    company: `/companies/${id}`,
    deal: `/deals/${id}`,
    order: `/orders/${id}`,
    task: '/tasks',
  };
  return paths[entry.entityType] ?? null;
}
