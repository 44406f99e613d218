import { router } from '../../trpc';
import { get } from './get';
import { list } from './list';
import { preview } from './preview';
import { start } from './start';

export const importsRouter = router({
  preview,
  start,
  get,
  list,
});
