import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PagedList } from './paged-list';

const pages = (...names: string[][]) => ({
  pages: names.map((items, i) => ({ items, nextCursor: i < names.length - 1 ? `c${i}` : null })),
});

function list(data: ReturnType<typeof pages>, hasNextPage: boolean, stale?: boolean) {
  // PagedList holds no state of its own, so it is called as the function it is.
  return renderToStaticMarkup(
    PagedList<string>({
      query: {
        isPending: false,
        isError: false,
        data,
        refetch: () => undefined,
        hasNextPage,
        isFetchingNextPage: false,
        fetchNextPage: () => Promise.resolve(),
      },
      loading: { label: 'Loading people' },
      failure: 'The people could not be loaded.',
      empty: createElement('p', null, 'Nobody yet.'),
      moreLabel: 'Show more people',
      stale,
      children: (names) => createElement('ul', null, names.join(', ')),
    }),
  );
}

describe('PagedList', () => {
  it('shows the items of every page loaded, then a button for the next page', () => {
    const html = list(pages(['Ada'], ['Grace']), true);
    expect(html).toMatch(/^<ul>Ada, Grace<\/ul><div[^>]*><button[^>]*>Show more people<\/button>/);
  });

  it('shows the empty state when no page holds an item', () => {
    expect(list(pages([], []), false)).toBe('<p>Nobody yet.</p>');
  });

  it('marks a placeholder result busy while the next one loads', () => {
    expect(list(pages(['Ada']), false, true)).toBe(
      '<div aria-busy="true" class="opacity-60 transition-opacity"><ul>Ada</ul></div>',
    );
    expect(list(pages(['Ada']), false, false)).toBe('<div aria-busy="false"><ul>Ada</ul></div>');
  });
});
