import { router } from '../../trpc';
import { everything } from './everything';

export const searchRouter = router({ everything });
