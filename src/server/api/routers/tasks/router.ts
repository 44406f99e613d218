import { router } from '../../trpc';
import { complete } from './complete';
import { counts } from './counts';
import { create } from './create';
import { get } from './get';
import { list } from './list';
import { remove } from './remove';
import { update } from './update';

export const tasksRouter = router({
  list,
  counts,
  get,
  create,
  update,
  complete,
  delete: remove,
});
