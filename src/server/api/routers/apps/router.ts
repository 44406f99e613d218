import { router } from '../../trpc';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { grants } from './grants';
import { list } from './list';
import { revokeGrant } from './revoke-grant';
import { rotateSecret } from './rotate-secret';
import { update } from './update';

export const appsRouter = router({
  list,
  get,
  create,
  update,
  rotateSecret,
  delete: remove,
  grants,
  revokeGrant,
});
