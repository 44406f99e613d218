import { router } from '../../trpc';
import { changePassword, reauthenticate, requestEmailChange } from './credentials';
import { profile, updateProfile } from './profile';
import { securityActivity, sessionsRouter } from './sessions';
import { twoFactorRouter } from './two-factor';

export const accountRouter = router({
  profile,
  updateProfile,
  changePassword,
  requestEmailChange,
  reauthenticate,
  twoFactor: twoFactorRouter,
  sessions: sessionsRouter,
  securityActivity,
});
