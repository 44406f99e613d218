import { describe, expect, it } from 'vitest';
import { listStateQuery, readListState, withSearch } from './list-params';

const read = (query: string) => readListState(new URLSearchParams(query));

describe('the customers list state in the URL', () => {
  it('ranks a search by relevance unless another order was chosen', () => {
    expect(read('q=cohn')).toMatchObject({ sort: 'relevance', order: 'desc' });
    expect(read('q=cohn&sort=name')).toMatchObject({ sort: 'name', order: 'asc' });
    expect(read('')).toMatchObject({ sort: 'createdAt', order: 'desc' });
    // Relevance needs a search term.
    expect(read('sort=relevance')).toMatchObject({ sort: 'createdAt' });
  });

  it('switches to relevance when a search is typed into a list in its default order', () => {
    expect(listStateQuery(withSearch(read(''), 'cohn'))).toBe('q=cohn');
    expect(listStateQuery(withSearch(read('q=cohn'), ''))).toBe('');
    expect(listStateQuery(withSearch(read('sort=name'), 'cohn'))).toBe('q=cohn&sort=name');
    expect(listStateQuery(withSearch(read('order=asc'), 'cohn'))).toBe(
      'q=cohn&sort=createdAt&order=asc',
    );
  });
});
