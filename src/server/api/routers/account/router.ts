import { router } from '../../trpc';
import { changePassword } from './change-password';
import { connectedApps, disconnect } from './connected-apps';
import { phoneRouter } from './phone/router';
import { profile } from './profile';
import { pushRouter } from './push/router';
import { reauthenticate } from './reauthenticate';
import { requestEmailChange } from './request-email-change';
import { securityActivity } from './security-activity';
import { sessionsRouter } from './sessions/router';
import { twoFactorRouter } from './two-factor/router';
import { updateProfile } from './update-profile';

export const accountRouter = router({
  profile,
  updateProfile,
  changePassword,
  requestEmailChange,
  reauthenticate,
  twoFactor: twoFactorRouter,
  sessions: sessionsRouter,
  push: pushRouter,
  phone: phoneRouter,
  securityActivity,
  connectedApps,
  disconnectApp: disconnect,
});
