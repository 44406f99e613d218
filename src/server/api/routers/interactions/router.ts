import { router } from '../../trpc';
import { create } from './create';
import { remove } from './delete';
import { list } from './list';
import { update } from './update';

export const interactionsRouter = router({
  list,
  create,
  update,
  delete: remove,
});
