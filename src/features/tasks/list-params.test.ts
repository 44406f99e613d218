import { describe, expect, it } from 'vitest';
import { listedAssignee, taskPageHref, taskPageParams, taskViewQuery } from './list-params';

const member = '7d1f3b5a-9c2e-4a6b-8d0f-1e3c5a7b9d2f';
const me = 'c4a1e7d2-5b3f-4e8a-9d6c-0f2b4a6c8e1d';
const read = (query: string) => new URLSearchParams(query);

describe('taskPageParams', () => {
  it('shows my open tasks by default', () => {
    expect(taskPageParams(read(''), true)).toEqual({
      scope: 'mine',
      view: 'open',
      assigneeId: undefined,
    });
  });

  it('reads the team scope, the done view and an assignee for those who may see the team', () => {
    expect(taskPageParams(read(`scope=team&view=done&assignee=${member}`), true)).toEqual({
      scope: 'team',
      view: 'done',
      assigneeId: member,
    });
  });

  it('keeps those who may not see the team to their own tasks', () => {
    expect(taskPageParams(read(`scope=team&assignee=${member}`), false)).toEqual({
      scope: 'mine',
      view: 'open',
      assigneeId: undefined,
    });
  });

  it('ignores an assignee that is not an id', () => {
    expect(taskPageParams(read('scope=team&assignee=bob'), true).assigneeId).toBeUndefined();
  });
});

describe('taskPageHref', () => {
  it('leaves the defaults out of the URL', () => {
    expect(taskPageHref({ scope: 'mine', view: 'open', assigneeId: undefined })).toBe('/tasks');
  });

  it('round-trips the choices through the URL', () => {
    const params = { scope: 'team', view: 'done', assigneeId: member } as const;
    const href = taskPageHref(params);
    expect(taskPageParams(read(href.split('?')[1] ?? ''), true)).toEqual(params);
  });
});

describe('listedAssignee', () => {
  it('lists my tasks in my scope, and the chosen member’s or everyone’s in the team’s', () => {
    expect(listedAssignee({ scope: 'mine', view: 'open', assigneeId: undefined }, me)).toBe(me);
    expect(listedAssignee({ scope: 'team', view: 'open', assigneeId: member }, me)).toBe(member);
    expect(listedAssignee({ scope: 'team', view: 'open', assigneeId: undefined }, me)).toBe(
      undefined,
    );
  });
});

describe('a saved view of the tasks page', () => {
  it('keeps the scope, the view and the assignee, defaults left out', () => {
    expect(taskViewQuery(new URLSearchParams(`assignee=${member}&scope=team&new=task`))).toBe(
      `scope=team&assignee=${member}`,
    );
    expect(taskViewQuery(new URLSearchParams('scope=mine&view=open'))).toBe('');
  });
});
