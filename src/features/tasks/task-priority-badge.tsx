import { statusBadges } from '@/components/status-badge';
import type { TaskPriority } from '@/schemas/tasks';

export const { label: taskPriorityLabel, Badge: TaskPriorityBadge } = statusBadges<TaskPriority>({
  low: ['Low', 'outline'],
  normal: ['Normal', 'secondary'],
  high: ['High', 'destructive'],
});
