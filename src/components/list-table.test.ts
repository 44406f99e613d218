import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ACTIONS_COLUMN, ListTable, secondaryPositions } from './list-table';

describe('ListTable', () => {
  it('heads the rows with the columns shown, naming button columns for screen readers', () => {
    const html = renderToStaticMarkup(
      ListTable({
        columns: ['Name', false, { label: 'Total', className: 'text-right' }, ACTIONS_COLUMN],
        children: createElement('tr', null, createElement('td', null, 'Ada')),
      }),
    );
    const headings = [...html.matchAll(/<th\s[^>]*>(.*?)<\/th>/g)].map((match) => match[1]);
    expect(headings).toEqual(['Name', 'Total', '<span class="sr-only">Actions</span>']);
    expect(html).toMatch(/<th[^>]*class="[^"]*text-right[^"]*"[^>]*>Total<\/th>/);
    expect(html).toMatch(/<tbody[^>]*><tr><td>Ada<\/td><\/tr><\/tbody>/);
  });

  it('names the positions of the secondary columns among those shown', () => {
    const html = renderToStaticMarkup(
      ListTable({
        columns: [
          'Name',
          false,
          { label: 'Email', secondary: true },
          'Status',
          { label: 'Created', secondary: true },
        ],
        children: null,
      }),
    );
    // The column left out does not count: Email is the second shown, Created the fourth.
    expect(html).toContain('data-secondary-columns="2 4"');
    expect(secondaryPositions(['Name', 'Status'])).toBeUndefined();
  });
});
