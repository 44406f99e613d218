import { describe, expect, it } from 'vitest';
import { webhookCreateInput } from './webhooks';

const issuesOf = (input: unknown) =>
  webhookCreateInput.safeParse(input).error?.issues.map((issue) => [issue.path, issue.message]);

describe('webhook endpoint input', () => {
  it.each([
    ['', 'must be an http or https URL'],
    ['not a url', 'must be an http or https URL'],
    ['ftp://files.example.com/hook', 'must be an http or https URL'],
    ['https://user:secret@hooks.example.com/', 'must not contain a user name or password'],
  ])('refuses the URL %j with a clear message', (url, message) => {
    expect(issuesOf({ url, eventTypes: ['customer.created'] })).toEqual([[['url'], message]]);
  });

  it('needs at least one known event type', () => {
    expect(issuesOf({ url: 'https://hooks.example.com/', eventTypes: [] })).toEqual([
      [['eventTypes'], 'choose at least one event'],
    ]);
    expect(issuesOf({ url: 'https://hooks.example.com/', eventTypes: ['customer.eaten'] })).toEqual(
      [[['eventTypes', 0], 'must be a known event type']],
    );
  });

  it('takes an https URL with events, dropping repeated types', () => {
    expect(
      webhookCreateInput.parse({
        url: 'https://hooks.example.com/clientele',
        eventTypes: ['customer.created', 'customer.created', 'order.created'],
      }),
    ).toEqual({
      url: 'https://hooks.example.com/clientele',
      description: '',
      eventTypes: ['customer.created', 'order.created'],
      enabled: true,
    });
  });
});
