import { router } from '../../trpc';
import { list } from './list';

export const timelineRouter = router({
  list,
});
