import { router } from '../../trpc';
import { bulkDelete, bulkUpdate } from './bulk';
import { bulkUpsert } from './bulk-upsert';
import { create } from './create';
import { count, exportData } from './data';
import { get } from './get';
import { erase, remove, restore } from './lifecycle';
import { list } from './list';
import { update } from './update';

export const customersRouter = router({
  list,
  count,
  get,
  create,
  update,
  delete: remove,
  bulkUpdate,
  bulkDelete,
  bulkUpsert,
  restore,
  exportData,
  erase,
});
