import { router } from '../../../trpc';
import { list } from './list';
import { revoke } from './revoke';
import { signOutEverywhere } from './sign-out-everywhere';

export const sessionsRouter = router({
  list,
  revoke,
  signOutEverywhere,
});
