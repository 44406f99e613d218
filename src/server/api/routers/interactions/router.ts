import { router } from '../../trpc';
import { create } from './create';
import { createForCompany } from './create-for-company';
import { createForDeal } from './create-for-deal';
import { remove } from './delete';
import { list } from './list';
import { update } from './update';

export const interactionsRouter = router({
  list,
  create,
  createForCompany,
  createForDeal,
  update,
  delete: remove,
});
