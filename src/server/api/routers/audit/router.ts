import { router } from '../../trpc';
import { list } from './list';
import { listForRecord } from './list-for-record';
import { verify } from './verify';

export const auditRouter = router({
  list,
  listForRecord,
  verify,
});
