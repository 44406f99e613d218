import { router } from '../../trpc';
import { changeRole } from './change-role';
import { leave } from './leave';
import { list } from './list';
import { remove } from './remove';

export const membersRouter = router({
  list,
  changeRole,
  remove,
  leave,
});
