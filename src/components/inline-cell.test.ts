import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { InlineCell, type InlineField, type InlineSaving } from './inline-cell';

interface Person {
  id: string;
  status: string;
  version: number;
}

const statusField: InlineField<Person, { status: string }> = {
  name: 'status',
  draft: (person) => person.status,
  show: (person) => createElement('span', null, person.status.toUpperCase()),
  readOnly: (person) => createElement('a', { href: `/people/${person.id}` }, person.status),
  editor: {
    kind: 'select',
    options: [
      { value: 'lead', label: 'Lead' },
      { value: 'active', label: 'Active' },
    ],
  },
  change: (draft) => ({ patch: { status: draft } }),
};

const saving: InlineSaving<Person, { status: string }> = {
  save: () => Promise.resolve({ version: 2 }),
  fetchLatest: (person) => Promise.resolve(person),
};

function render(canEdit: boolean) {
  return renderToStaticMarkup(
    createElement(
      'table',
      null,
      createElement(
        'tbody',
        null,
        createElement(
          'tr',
          null,
          createElement(InlineCell<Person, { status: string }>, {
            record: { id: 'p1', status: 'lead', version: 1 },
            recordName: 'Rafael Cohen',
            field: statusField,
            saving,
            canEdit,
          }),
        ),
      ),
    ),
  );
}

describe('InlineCell', () => {
  it('is a button named by its value, then what it edits, in a cell named by the value alone', () => {
    const html = render(true);
    expect(html).toMatch(/<td[^>]*data-inline-cell=""[^>]*>/);
    expect(html).toMatch(/<td[^>]*aria-label="Lead"/);
    const button = /<button type="button" aria-labelledby="([^" ]+) ([^"]+)"[^>]*>/.exec(html);
    expect(button).not.toBeNull();
    const [, shownId, actionId] = button!;
    expect(html).toContain(`<span id="${shownId}" class="contents"><span>LEAD</span></span>`);
    expect(html).toContain(
      `<span id="${actionId}" class="sr-only">, edit status of Rafael Cohen</span>`,
    );
  });

  it('is a plain cell, showing the read-only value, for those who may not edit', () => {
    const html = render(false);
    expect(html).not.toContain('<button');
    expect(html).not.toContain('data-inline-cell');
    expect(html).toContain('<a href="/people/p1">lead</a>');
  });
});
