import { router } from '../../../trpc';
import { get } from './get';
import { remove } from './remove';
import { requestCode } from './request-code';
import { verify } from './verify';

export const phoneRouter = router({
  get,
  requestCode,
  verify,
  remove,
});
