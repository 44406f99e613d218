import { TRPCClientError } from '@trpc/client';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EmptyState } from './empty-state';
import { LoadMore } from './load-more';
import { QueryState, type QueryStatus } from './query-state';

const refetch = () => Promise.resolve();

/** QueryState holds no state of its own, so it is called as the function it is. */
function render(query: QueryStatus<string[]>) {
  return renderToStaticMarkup(
    QueryState({
      query,
      loading: { label: 'Loading customers', count: 3 },
      failure: 'The customers could not be loaded.',
      isEmpty: (names) => names.length === 0,
      empty: createElement(EmptyState, { title: 'No customers yet.' }, 'Add one.'),
      children: (names) => createElement('ul', null, names.join(', ')),
    }),
  );
}

describe('QueryState', () => {
  it('shows a named skeleton while the query is pending', () => {
    const html = render({ isPending: true, isError: false, refetch });
    expect(html).toContain('role="status" aria-label="Loading customers"');
    expect(html.match(/data-slot="skeleton"/g)).toHaveLength(3);
  });

  it('shows what failed, the request id of an internal error and a way to try again', () => {
    const error = new TRPCClientError('Internal error', {
      result: {
        error: {
          message: 'Internal error',
          code: -32603,
          data: { httpStatus: 500, requestId: 'r1' },
        },
      },
    });
    const html = render({ isPending: false, isError: true, error, refetch });
    expect(html).toContain('role="alert"');
    expect(html).toContain('The customers could not be loaded.');
    expect(html).toContain('Internal error (request id r1)');
    expect(html).toContain('Try again');
  });

  it('shows the empty box when there is nothing, and the data otherwise', () => {
    const empty = render({ isPending: false, isError: false, data: [], refetch });
    expect(empty).toContain('<p class="font-medium">No customers yet.</p>');
    expect(empty).toContain('Add one.');
    const ready = render({ isPending: false, isError: false, data: ['Ada', 'Grace'], refetch });
    expect(ready).toBe('<ul>Ada, Grace</ul>');
  });
});

describe('LoadMore', () => {
  const more = (hasNextPage: boolean, isFetchingNextPage: boolean) =>
    renderToStaticMarkup(
      createElement(LoadMore, {
        query: { hasNextPage, isFetchingNextPage, fetchNextPage: refetch },
        label: 'Load more customers',
      }),
    );

  it('offers the next page, says so while it loads, and is gone after the last one', () => {
    expect(more(true, false)).toMatch(/<button[^>]*>Load more customers<\/button>/);
    expect(more(true, true)).toMatch(/<button[^>]*disabled=""[^>]*>Loading…<\/button>/);
    expect(more(false, false)).toBe('');
  });
});
