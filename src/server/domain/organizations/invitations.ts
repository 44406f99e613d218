import type { Role } from '@/schemas/permissions';
import { hashPassword } from '@/server/auth/password';
import { assertAcceptablePassword } from '@/server/auth/password-policy';
import { createSession, type NewSession } from '@/server/auth/session';
import { randomToken, sha256Of } from '@/server/auth/tokens';
import {
  claimInvitation,
  findOpenInvitation,
  findPendingInvitationByToken,
  insertInvitation,
  renewInvitation,
  revokeInvitation,
} from '@/server/db/repositories/invitations';
import { findMemberByEmail } from '@/server/db/repositories/members';
import { insertInvitationAcceptedNotice } from '@/server/db/repositories/notifications';
import { updateSession } from '@/server/db/repositories/sessions';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  updateUser,
} from '@/server/db/repositories/users';
import { withIdentity } from '@/server/db/tenant';
import type { IdentityTx, TenantTx } from '@/server/db/types';
import { AppError, conflictOn, notFound } from '@/server/errors';
import { composeMail } from '@/server/mail/message';
import { queueMail, type MailOutbox } from '@/server/mail/outbox';
import { getRecipientSettings } from '@/server/db/repositories/notification-settings';
import type { AccountDeps } from '../accounts/deps';
import { queueDelivery, wantsOtherChannels } from '../notifications/deliver';
import { assertMayAssignRole } from './membership-rules';
import { addMember } from './members';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

interface InviteDeps {
  outbox: MailOutbox;
  appUrl: string;
}

interface Inviter {
  userId: string | null;
  name: string;
  role: Role;
}

/** People need a verified address before they invite anyone, so invitations cannot spam. */
export function assertMayInvite(person: { emailVerified: boolean }) {
  if (!person.emailVerified) {
    throw new AppError('FORBIDDEN', 'Verify your e-mail address before inviting people');
  }
}

async function sendInvitation(
  deps: InviteDeps,
  tx: TenantTx,
  input: {
    email: string;
    role: Role;
    organizationName: string;
    inviterName: string;
    token: string;
  },
) {
  await queueMail(
    deps.outbox,
    tx,
    composeMail({
      to: input.email,
      subject: `${input.inviterName} invited you to ${input.organizationName} on Clientele`,
      paragraphs: [
        `${input.inviterName} invited you to join ${input.organizationName} on Clientele as ${input.role}.`,
        'The invitation is for this e-mail address and works once, for seven days.',
      ],
      action: {
        label: 'Accept invitation',
        url: `${deps.appUrl}/invitations/accept?token=${input.token}`,
      },
    }),
  );
}

export async function inviteMember(
  deps: InviteDeps,
  tx: TenantTx,
  context: { inviter: Inviter; organizationName: string },
  input: { email: string; role: Role },
) {
  assertMayAssignRole(context.inviter.role, input.role);
  if (await findMemberByEmail(tx, input.email)) {
    throw conflictOn('email', 'This person is already a member');
  }
  const token = randomToken(32);
  const invitation = await insertInvitation(tx, {
    email: input.email,
    role: input.role,
    tokenHash: sha256Of(token),
    invitedById: context.inviter.userId,
    expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
  });
  await sendInvitation(deps, tx, {
    ...input,
    organizationName: context.organizationName,
    inviterName: context.inviter.name,
    token,
  });
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
  };
}

/** A new link (the old one stops working) and seven more days. */
export async function resendInvitation(
  deps: InviteDeps,
  tx: TenantTx,
  context: { inviter: Inviter; organizationName: string },
  invitationId: string,
) {
  const invitation = await findOpenInvitation(tx, invitationId);
  if (!invitation) throw notFound('Invitation');
  assertMayAssignRole(context.inviter.role, invitation.role);
  const token = randomToken(32);
  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS);
  await renewInvitation(tx, invitation.id, { tokenHash: sha256Of(token), expiresAt });
  await sendInvitation(deps, tx, {
    email: invitation.email,
    role: invitation.role,
    organizationName: context.organizationName,
    inviterName: context.inviter.name,
    token,
  });
  return { id: invitation.id, email: invitation.email, expiresAt };
}

export async function cancelInvitation(tx: TenantTx, invitationId: string) {
  const invitation = await findOpenInvitation(tx, invitationId);
  if (!invitation || !(await revokeInvitation(tx, invitationId, new Date())))
    throw notFound('Invitation');
  return { id: invitation.id, email: invitation.email, role: invitation.role };
}

/** What the invitation page shows before anyone acts on it. */
export async function previewInvitation(deps: Pick<AccountDeps, 'db'>, token: string) {
  return withIdentity(
    deps.db,
    async (tx) => {
      const found = await findPendingInvitationByToken(tx, sha256Of(token), new Date());
      if (!found) return null;
      const account = await findUserByEmail(tx, found.invitation.email);
      return {
        organizationName: found.organization.name,
        email: found.invitation.email,
        role: found.invitation.role,
        expiresAt: found.invitation.expiresAt,
        hasAccount: Boolean(account),
      };
    },
    { readOnly: true },
  );
}

const invalidInvitation = () =>
  new AppError(
    'NOT_FOUND',
    'This invitation is invalid, used, revoked or expired; ask for a new one',
  );

/**
 * Joins the organization: claims the invitation (of two accepts at once, one wins), adds the
 * membership, and makes it the session's organization. Following the e-mailed link also
 * proves the address, so it counts as verified.
 */
async function joinByInvitation(
  deps: AccountDeps,
  tx: IdentityTx,
  found: NonNullable<Awaited<ReturnType<typeof findPendingInvitationByToken>>>,
  userId: string,
) {
  const now = new Date();
  if (!(await claimInvitation(tx, found.invitation.id, now))) throw invalidInvitation();
  await addMember(
    tx,
    {
      organizationId: found.organization.id,
      user: { id: userId, email: found.invitation.email },
      role: found.invitation.role,
      action: 'invitation.accepted',
      addedBy: { type: 'user', userId },
      alreadyMember: `You are already a member of ${found.organization.name}`,
    },
    deps.client,
  );
  const inviterId = found.invitation.invitedById;
  if (inviterId && inviterId !== userId) {
    const wanted = (await getRecipientSettings(tx, inviterId)).channels.invitation_accepted;
    const notificationId = await insertInvitationAcceptedNotice(tx, {
      organizationId: found.organization.id,
      inviterId,
      newMemberId: userId,
      summary: `accepted your invitation to ${found.organization.name}`,
      inApp: wanted.inApp,
    });
    if (notificationId && wantsOtherChannels(wanted)) {
      await queueDelivery(tx, deps.outbox.jobs, {
        organizationId: found.organization.id,
        notificationId,
      });
    }
  }
}

export async function acceptInvitation(
  deps: AccountDeps,
  session: { userId: string; sessionId: string },
  token: string,
) {
  await deps.throttle('invitation-accept:ip', deps.client.ipAddress ?? 'unknown');
  return withIdentity(deps.db, async (tx) => {
    const found = await findPendingInvitationByToken(tx, sha256Of(token), new Date());
    if (!found) throw invalidInvitation();
    const user = await findUserById(tx, session.userId);
    if (!user || user.email.toLowerCase() !== found.invitation.email.toLowerCase()) {
      throw new AppError(
        'FORBIDDEN',
        `This invitation is for ${found.invitation.email}; sign in with that address to accept it`,
      );
    }
    await joinByInvitation(deps, tx, found, user.id);
    if (!user.emailVerifiedAt) await updateUser(tx, user.id, { emailVerifiedAt: new Date() });
    await updateSession(tx, session.sessionId, { activeOrganizationId: found.organization.id });
    return { organization: found.organization };
  });
}

/** A new account straight from an invitation: its address is the invited (and proven) one. */
export async function acceptInvitationWithSignUp(
  deps: AccountDeps,
  input: { token: string; name: string; password: string },
): Promise<NewSession & { organization: { id: string; name: string; slug: string } }> {
  await deps.throttle('invitation-accept:ip', deps.client.ipAddress ?? 'unknown');
  const passwordHash = await hashPassword(input.password);
  return withIdentity(deps.db, async (tx) => {
    const found = await findPendingInvitationByToken(tx, sha256Of(input.token), new Date());
    if (!found) throw invalidInvitation();
    const email = found.invitation.email;
    assertAcceptablePassword(input.password, { email, name: input.name });
    if (await findUserByEmail(tx, email)) {
      throw new AppError(
        'CONFLICT',
        `An account for ${email} exists; sign in to accept the invitation`,
      );
    }
    const user = await insertUser(tx, {
      email,
      name: input.name,
      passwordHash,
      emailVerifiedAt: new Date(),
    });
    await joinByInvitation(deps, tx, found, user.id);
    const session = await createSession(tx, {
      userId: user.id,
      activeOrganizationId: found.organization.id,
      ipAddress: deps.client.ipAddress,
      userAgent: deps.client.userAgent,
    });
    return { ...session, organization: found.organization };
  });
}
