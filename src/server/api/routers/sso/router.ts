import { router } from '../../trpc';
import { check } from './check';
import { get } from './get';
import { remove } from './remove';
import { save } from './save';

export const ssoRouter = router({ get, save, remove, check });
