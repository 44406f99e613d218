import { router } from '../../trpc';
import { create } from './create';
import { createForCompany } from './create-for-company';
import { remove } from './delete';
import { list } from './list';
import { update } from './update';

export const interactionsRouter = router({
  list,
  create,
  createForCompany,
  update,
  delete: remove,
});
