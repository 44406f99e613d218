import type { z } from 'zod';
import type {
  companyInteractionCreateInput,
  dealInteractionCreateInput,
  Interaction,
  interactionCreateInput,
} from '@/schemas/interactions';
import { getCompany } from '@/server/db/repositories/companies';
import { getDeal } from '@/server/db/repositories/deals';
import { ROLES, type Role } from '@/schemas/permissions';
import { getCustomer } from '@/server/db/repositories/customers';
import {
  deleteInteraction,
  insertInteraction,
  updateInteraction,
} from '@/server/db/repositories/interactions';
import type { TenantTx } from '@/server/db/types';
import { AppError, notFound } from '@/server/errors';
import { assertMentionsAreMembers } from '../notifications/mentions';

/** Who changes a timeline: a person (an API key is no one) with their role. */
interface Editor {
  userId: string | null;
  role: Role;
}

/** Its author may change or delete an interaction, and so may a manager or anyone above. */
function assertMayModify(editor: Editor, interaction: Interaction) {
  const isAuthor = editor.userId !== null && editor.userId === interaction.authorId;
  const atLeastManager = ROLES.indexOf(editor.role) <= ROLES.indexOf('manager');
  if (!isAuthor && !atLeastManager) {
    throw new AppError('FORBIDDEN', 'Only its author or a manager can change this interaction');
  }
}

type NewInteraction =
  | z.output<typeof interactionCreateInput>
  | z.output<typeof companyInteractionCreateInput>
  | z.output<typeof dealInteractionCreateInput>;

/** Not found unless the entry's subject is a customer, live company or live deal of the organization. */
async function assertSubjectExists(tx: TenantTx, input: NewInteraction) {
  if ('customerId' in input) {
    if (!(await getCustomer(tx, input.customerId))) throw notFound('Customer');
  } else if ('companyId' in input) {
    if (!(await getCompany(tx, input.companyId))) throw notFound('Company');
  } else if (!(await getDeal(tx, input.dealId))) throw notFound('Deal');
}

/**
 * A new entry on the timeline of one of the organization's customers, live companies (about it
 * alone) or live deals, whichever the input names.
 */
export async function recordInteraction(
  tx: TenantTx,
  author: { authorId: string | null; authorApiKeyId: string | null },
  input: NewInteraction,
) {
  await assertSubjectExists(tx, input);
  await assertMentionsAreMembers(tx, { subject: input.subject, content: input.content });
  return insertInteraction(tx, { ...input, ...author });
}

export async function changeInteraction(
  tx: TenantTx,
  editor: Editor,
  before: Interaction,
  values: Partial<Pick<Interaction, 'type' | 'subject' | 'content' | 'occurredAt'>>,
) {
  assertMayModify(editor, before);
  await assertMentionsAreMembers(tx, { subject: values.subject, content: values.content }, [
    before.subject,
    before.content,
  ]);
  return updateInteraction(tx, before, values);
}

export async function removeInteraction(tx: TenantTx, editor: Editor, interaction: Interaction) {
  assertMayModify(editor, interaction);
  await deleteInteraction(tx, interaction.id);
}
