'use client';

import Link from 'next/link';
import { Fragment } from 'react';
import { MENTION_PATTERN } from '@/schemas/mentions';
import { useMentionMembers } from './use-mention-members';

/**
 * Stored text with each `<@id>` drawn as "@Name", the member's current name, linking to the team
 * page; someone no longer a member shows as "@former member", anyone as "@member" until the
 * members are loaded.
 */
export function MentionTextView({ text }: { text: string }) {
  const members = useMentionMembers();
  if (!text.includes('<@')) return text;
  const names = new Map(members?.map((member) => [member.id, member.name]));
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(MENTION_PATTERN)) {
    parts.push(text.slice(last, match.index));
    const name = names.get(match[1]!.toLowerCase());
    parts.push(
      !members ? (
        <em key={match.index}>@member</em>
      ) : name === undefined ? (
        <em key={match.index}>@former member</em>
      ) : (
        <Link
          key={match.index}
          href="/team"
          className="font-medium text-primary underline-offset-4 hover:underline focus-visible:underline"
        >
          @{name}
        </Link>
      ),
    );
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return <Fragment>{parts}</Fragment>;
}
