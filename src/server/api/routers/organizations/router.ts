import { router } from '../../trpc';
import { create, mine, switchTo } from './mine';
import { current, deleteOrganization, rename, transferOwnership } from './manage';

export const organizationsRouter = router({
  mine,
  switch: switchTo,
  create,
  current,
  rename,
  transferOwnership,
  delete: deleteOrganization,
});
