/** How a recorded field is called in a change: "First name", not `firstName`. */
const FIELD_LABELS: Record<string, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  company: 'Company',
  companyId: 'Company',
  phone: 'Phone',
  status: 'Status',
  tags: 'Tags',
  ownerId: 'Owner',
  address: 'Address',
  metadata: 'Metadata',
  name: 'Name',
  domain: 'Domain',
  industry: 'Industry',
  size: 'Size',
  website: 'Website',
  title: 'Title',
  amountCents: 'Amount',
  currency: 'Currency',
  expectedCloseDate: 'Expected close',
  stageId: 'Stage',
  pipelineId: 'Pipeline',
  lostReason: 'Reason lost',
  closedAt: 'Closed',
  customerIds: 'People',
  subject: 'Subject',
  content: 'Content',
  type: 'Kind',
  occurredAt: 'When',
  notes: 'Notes',
  dueAt: 'Due',
  assigneeId: 'Assignee',
  priority: 'Priority',
  related: 'About',
  completedAt: 'Completed',
  number: 'Number',
  lines: 'Lines',
  totalCents: 'Total',
  version: 'Version',
  createdAt: 'Created',
  updatedAt: 'Updated',
  deletedAt: 'Deleted',
};

export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;

/** A recorded value as text; it is shown as text only, never as markup. */
export function shownValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.length > 0 ? value.join(', ') : '—';
  }
  return JSON.stringify(value);
}
