import { uuidParam } from '@/lib/url-params';

/** Whose tasks the page shows: the signed-in member's, or (for managers) everyone's. */
export type TaskScope = 'mine' | 'team';
/** Open tasks by when they are due, or the ones done, most recently completed first. */
export type TaskView = 'open' | 'done';

export interface TaskPageParams {
  scope: TaskScope;
  view: TaskView;
  /** In the team scope, only this member's tasks. */
  assigneeId: string | undefined;
}

/** The page's choices from its URL; the team scope only for those who may see it. */
export function taskPageParams(
  params: { get: (key: string) => string | null },
  canSeeTeam: boolean,
): TaskPageParams {
  const scope = canSeeTeam && params.get('scope') === 'team' ? 'team' : 'mine';
  return {
    scope,
    view: params.get('view') === 'done' ? 'done' : 'open',
    assigneeId: scope === 'team' ? uuidParam(params.get('assignee')) : undefined,
  };
}

/** The URL of the page with these choices, leaving out the defaults. */
export function taskPageHref({ scope, view, assigneeId }: TaskPageParams): string {
  const params = new URLSearchParams();
  if (scope === 'team') params.set('scope', 'team');
  if (view === 'done') params.set('view', 'done');
  if (scope === 'team' && assigneeId) params.set('assignee', assigneeId);
  const query = params.toString();
  return query ? `/tasks?${query}` : '/tasks';
}

/** Whose tasks to list: mine, one member's, or (undefined) everyone's. */
export function listedAssignee(params: TaskPageParams, myId: string): string | undefined {
  return params.scope === 'mine' ? myId : params.assigneeId;
}

/**
 * The tasks page's query of a URL's params, defaults and anything unknown left out: what a saved
 * view of it keeps. The team's tasks are kept as asked; the page shows them to those who may.
 */
export function taskViewQuery(params: URLSearchParams): string {
  const href = taskPageHref(taskPageParams(params, true));
  return href.includes('?') ? href.slice(href.indexOf('?') + 1) : '';
}
