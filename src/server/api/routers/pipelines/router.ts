import { router } from '../../trpc';
import { create } from './create';
import { list } from './list';
import { update } from './update';

export const pipelinesRouter = router({ list, create, update });
