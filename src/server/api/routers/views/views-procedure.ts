import { TRPCError } from '@trpc/server';
import { can, type Permission } from '@/schemas/permissions';
import type { SavedView, SavedViewList } from '@/schemas/saved-views';
import { AppError } from '@/server/errors';
import type { OrganizationAccess } from '../../context';
import { organizationProcedure } from '../../trpc';

/**
 * A member's saved views. Views belong to people, so an API key (which acts for no one) has
 * none; every member may keep views of the lists their role may read.
 */
export const viewsProcedure = organizationProcedure
  .meta({ permission: 'members:read' })
  .use(({ ctx, next }) => {
    if (ctx.principal.kind !== 'user') {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: 'Saved views belong to people: an API key acts for no one',
      });
    }
    return next({ ctx: { userId: ctx.principal.userId } });
  });

const LIST_READ: Record<SavedViewList, Permission> = {
  customers: 'customers:read',
  companies: 'companies:read',
  deals: 'deals:read',
  tasks: 'tasks:read',
  orders: 'orders:read',
};

/** Refuses views of a list the member's role may not read. */
export function assertCanReadList(organization: OrganizationAccess, list: SavedViewList) {
  if (!can(organization.role, LIST_READ[list])) {
    throw new AppError(
      'FORBIDDEN',
      `The ${organization.role} role does not allow ${LIST_READ[list]}`,
    );
  }
}

/** Its owner may change a view; an admin may also change (or stop sharing) a shared one. */
export const canEditView = (
  view: Pick<SavedView, 'ownerUserId' | 'shared'>,
  userId: string,
  organization: OrganizationAccess,
) => view.ownerUserId === userId || (view.shared && can(organization.role, 'org:manage'));

export function assertCanEditView(
  view: Pick<SavedView, 'ownerUserId' | 'shared'>,
  userId: string,
  organization: OrganizationAccess,
) {
  if (!canEditView(view, userId, organization)) {
    throw new AppError(
      'FORBIDDEN',
      'Only the person who saved this view, or an admin, may change it',
    );
  }
}
