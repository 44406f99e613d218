import { router } from '../../trpc';
import { create } from './create';
import { get } from './get';
import { list } from './list';
import { update } from './update';

export const pipelinesRouter = router({ list, get, create, update });
