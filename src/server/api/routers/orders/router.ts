import { router } from '../../trpc';
import { create } from './create';
import { get } from './get';
import { list } from './list';
import { listForCustomer } from './list-for-customer';
import { setStatus } from './set-status';
import { statusHistory } from './status-history';
import { updateLines } from './update-lines';

export const ordersRouter = router({
  list,
  listForCustomer,
  get,
  create,
  updateLines,
  setStatus,
  statusHistory,
});
