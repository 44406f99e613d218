import { router } from '../../trpc';
import { create } from './create';
import { current } from './current';
import { remove } from './delete';
import { mine } from './mine';
import { rename } from './rename';
import { switchTo } from './switch';
import { transferOwnership } from './transfer-ownership';

export const organizationsRouter = router({
  mine,
  switch: switchTo,
  create,
  current,
  rename,
  transferOwnership,
  delete: remove,
});
