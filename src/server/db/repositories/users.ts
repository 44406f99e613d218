import { eq, sql } from 'drizzle-orm';
import { users } from '../schema';
import type { IdentityTx } from '../types';
import { conflictOn } from '@/server/errors';
import { refuseUnique } from './pg-errors';

export type User = typeof users.$inferSelect;

const EMAIL_UNIQUE = 'users_email_unique';
const emailTaken = () => conflictOn('email', 'An account with this e-mail address already exists');

export async function findUserByEmail(tx: IdentityTx, email: string): Promise<User | undefined> {
  const [user] = await tx
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return user;
}

export async function findUserById(tx: IdentityTx, id: string): Promise<User | undefined> {
  const [user] = await tx.select().from(users).where(eq(users.id, id)).limit(1);
  return user;
}

export async function insertUser(
  tx: IdentityTx,
  values: {
    email: string;
    name: string;
    /** Null for a person who signs in only through SSO. */
    passwordHash: string | null;
    emailVerifiedAt?: Date | null;
  },
): Promise<User> {
  const [user] = await refuseUnique(EMAIL_UNIQUE, emailTaken, () =>
    tx.insert(users).values(values).returning(),
  );
  return user!;
}

export async function updateUser(
  tx: IdentityTx,
  id: string,
  values: Partial<
    Pick<
      User,
      | 'name'
      | 'email'
      | 'passwordHash'
      | 'emailVerifiedAt'
      | 'twoFactorSecret'
      | 'twoFactorEnabledAt'
      | 'twoFactorLastStep'
    >
  >,
): Promise<User> {
  const [user] = await refuseUnique(EMAIL_UNIQUE, emailTaken, () =>
    tx
      .update(users)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning(),
  );
  return user!;
}
