import { describe, expect, it } from 'vitest';
import { emptyTask, taskForm } from './task-form';

const me = 'c4a1e7d2-5b3f-4e8a-9d6c-0f2b4a6c8e1d';

describe('taskForm', () => {
  it('sends the typed local due time as the moment it means', () => {
    const result = taskForm.parse({
      ...emptyTask(me),
      title: ' Call back ',
      due: '2027-01-15T09:30',
    });
    expect(result).toEqual({
      title: 'Call back',
      notes: '',
      priority: 'normal',
      assigneeId: me,
      dueAt: new Date(2027, 0, 15, 9, 30),
    });
  });

  it('sends no due time when the field is empty', () => {
    expect(taskForm.parse({ ...emptyTask(null), title: 'Call back' }).dueAt).toBeNull();
  });

  it('requires a title and a real due time', () => {
    const result = taskForm.safeParse({ ...emptyTask(me), due: '2027-02-30T09:00' });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path[0]);
    expect(paths).toEqual(expect.arrayContaining(['title', 'due']));
  });
});
