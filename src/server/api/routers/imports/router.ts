import { router } from '../../trpc';
import { check } from './check';
import { get } from './get';
import { list } from './list';
import { preview } from './preview';
import { start } from './start';

export const importsRouter = router({
  preview,
  check,
  start,
  get,
  list,
});
