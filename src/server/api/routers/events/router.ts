import { router } from '../../trpc';
import { changes } from './changes';
import { list } from './list';

export const eventsRouter = router({
  list,
  changes,
});
