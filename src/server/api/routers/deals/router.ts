import { router } from '../../trpc';
import { board } from './board';
import { create } from './create';
import { createOrder } from './create-order';
import { get } from './get';
import { remove, restore } from './lifecycle';
import { list } from './list';
import { move } from './move';
import { stageHistory } from './stage-history';
import { timeline } from './timeline';
import { update } from './update';

export const dealsRouter = router({
  list,
  board,
  get,
  create,
  update,
  delete: remove,
  restore,
  move,
  stageHistory,
  timeline,
  createOrder,
});
