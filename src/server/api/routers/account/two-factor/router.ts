import { router } from '../../../trpc';
import { disable } from './disable';
import { enable } from './enable';
import { newKey } from './new-key';
import { regenerateRecoveryCodes } from './regenerate-recovery-codes';

export const twoFactorRouter = router({
  newKey,
  enable,
  disable,
  regenerateRecoveryCodes,
});
