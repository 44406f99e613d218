import { router } from '../../trpc';
import { progress } from './progress';

export const onboardingRouter = router({
  progress,
});
