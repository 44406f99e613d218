import { router } from '../../trpc';
import { attempts } from './attempts';
import { create } from './create';
import { remove } from './delete';
import { deliveries } from './deliveries';
import { get } from './get';
import { list } from './list';
import { redeliver } from './redeliver';
import { rotateSecret } from './rotate-secret';
import { sendTest } from './send-test';
import { update } from './update';

export const webhooksRouter = router({
  list,
  get,
  create,
  update,
  delete: remove,
  rotateSecret,
  deliveries,
  redeliver,
  attempts,
  sendTest,
});
