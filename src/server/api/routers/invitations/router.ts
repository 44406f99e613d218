import { router } from '../../trpc';
import { accept } from './accept';
import { acceptWithSignUp } from './accept-with-sign-up';
import { create } from './create';
import { list } from './list';
import { preview } from './preview';
import { resend } from './resend';
import { revoke } from './revoke';

export const invitationsRouter = router({
  list,
  create,
  resend,
  revoke,
  preview,
  accept,
  acceptWithSignUp,
});
