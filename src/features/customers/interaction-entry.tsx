import { MentionTextView } from '@/features/mentions/mention-text-view';
import { TimelineCard } from '@/features/timeline/timeline-card';
import type { InteractionType } from '@/schemas/interactions';
import { INTERACTION_ICONS, INTERACTION_LABELS } from './interaction-form';

/**
 * One note, call, e-mail or meeting on a timeline: its kind's icon, its subject, who it was by
 * or with (`byline`, ending in " · ") and when, its content, and `actions` beside the subject.
 */
export function InteractionEntry({
  interaction: { type, subject, content, occurredAt },
  byline,
  actions,
}: {
  interaction: { type: InteractionType; subject: string; content: string; occurredAt: Date };
  byline: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <TimelineCard
      icon={INTERACTION_ICONS[type]}
      label={INTERACTION_LABELS[type]}
      heading={<MentionTextView text={subject} />}
      byline={byline}
      at={occurredAt}
      actions={actions}
    >
      {content ? (
        <p className="text-sm break-words whitespace-pre-wrap">
          <MentionTextView text={content} />
        </p>
      ) : null}
    </TimelineCard>
  );
}
