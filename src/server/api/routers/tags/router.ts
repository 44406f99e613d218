import { router } from '../../trpc';
import { list } from './list';

export const tagsRouter = router({ list });
