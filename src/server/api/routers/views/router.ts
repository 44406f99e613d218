import { router } from '../../trpc';
import { create } from './create';
import { list } from './list';
import { pin } from './pin';
import { remove } from './remove';
import { setDefault } from './set-default';
import { update } from './update';

export const viewsRouter = router({
  list,
  create,
  update,
  delete: remove,
  pin,
  setDefault,
});
