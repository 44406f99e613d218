import { router } from '../../trpc';
import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { reset } from './reset';
import { seed } from './seed';

export const sandboxRouter = router({ get, create, reset, seed, delete: remove });
