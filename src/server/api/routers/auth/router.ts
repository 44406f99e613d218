import { router } from '../../trpc';
import { resendVerification, verifyEmail } from './email-verification';
import { me } from './me';
import { requestPasswordReset, resetPassword } from './password-reset';
import { signIn } from './sign-in';
import { signOut } from './sign-out';
import { signUp } from './sign-up';
import { verifyTwoFactor } from './verify-two-factor';

export const authRouter = router({
  signUp,
  signIn,
  verifyTwoFactor,
  signOut,
  me,
  requestPasswordReset,
  resetPassword,
  verifyEmail,
  resendVerification,
});
