import type { TaskRelated, TaskRelatedType } from '@/schemas/tasks';

const KINDS: Record<TaskRelatedType, { label: string; path: string }> = {
  customer: { label: 'Customer', path: '/customers' },
  company: { label: 'Company', path: '/companies' },
  deal: { label: 'Deal', path: '/deals' },
  order: { label: 'Order', path: '/orders' },
};

/** The page of the record a task is about: "/deals/{id}". */
export const relatedHref = (related: TaskRelated) => `${KINDS[related.type].path}/${related.id}`;

/** What kind of record a task is about, when its name is not at hand: "Deal". */
export const relatedKindLabel = (type: TaskRelatedType) => KINDS[type].label;
