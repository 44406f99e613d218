import { TagIcon } from 'lucide-react';
import { Badge } from '@/components/ui/badge';

/** A record's tags under its name, as a list of badges; nothing when it has none. */
export function TagList({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag}>
          <Badge variant="secondary">
            <TagIcon className="size-3" aria-hidden="true" />
            {tag}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
