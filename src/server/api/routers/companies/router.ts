import { router } from '../../trpc';
import { customers, orders, revenue, timeline } from './activity';
import { bulkDelete, bulkUpdate } from './bulk';
import { bulkUpsert } from './bulk-upsert';
import { create } from './create';
import { get } from './get';
import { remove, restore } from './lifecycle';
import { list } from './list';
import { merge } from './merge';
import { update } from './update';

export const companiesRouter = router({
  list,
  get,
  create,
  update,
  delete: remove,
  restore,
  merge,
  bulkUpdate,
  bulkDelete,
  bulkUpsert,
  customers,
  timeline,
  orders,
  revenue,
});
