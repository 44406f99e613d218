import { z } from 'zod';
import { CUSTOMER_SORTS, CUSTOMER_STATUSES } from './customer-constants';
import { timestamp, uuid } from './common';
import { DEAL_STATUSES } from './deals';
import { ORDER_STATUSES } from './orders';
import { MAX_VIEW_NAME_LENGTH } from './saved-view-constants';

export { MAX_VIEW_NAME_LENGTH };

/** The lists a view can be saved for. */
export const SAVED_VIEW_LISTS = ['customers', 'companies', 'deals', 'tasks', 'orders'] as const;
export type SavedViewList = (typeof SAVED_VIEW_LISTS)[number];
export const savedViewList = z.enum(SAVED_VIEW_LISTS, {
  error: `must be one of ${SAVED_VIEW_LISTS.join(', ')}`,
});

/** How many views a member may pin on one list. */
export const MAX_PINNED_VIEWS = 12;
/** How many views of one list a member may make. */
export const MAX_OWN_VIEWS = 50;

const text = (max: number) => z.string().trim().min(1).max(max);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day as YYYY-MM-DD');
const order = z.enum(['asc', 'desc']);
const statuses = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).min(1).max(values.length);
const amount = z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, 'must be an amount such as 1000.50');

/**
 * What a view of each list keeps: that list's URL search params, by the names the URL uses, so
 * applying a view is opening the list with them. Unknown params are refused.
 */
export const SAVED_VIEW_STATES = {
  customers: z.strictObject({
    q: text(200).optional(),
    status: statuses(CUSTOMER_STATUSES).optional(),
    tag: text(50).optional(),
    owner: uuid().optional(),
    createdFrom: day.optional(),
    createdTo: day.optional(),
    sort: z.enum(CUSTOMER_SORTS).optional(),
    order: order.optional(),
  }),
  companies: z.strictObject({
    q: text(200).optional(),
    owner: uuid().optional(),
    tag: text(50).optional(),
    sort: z.enum(['name', 'createdAt', 'updatedAt']).optional(),
    order: order.optional(),
  }),
  deals: z.strictObject({
    view: z.enum(['board', 'list']).optional(),
    pipeline: uuid().optional(),
    stage: uuid().optional(),
    status: statuses(DEAL_STATUSES).optional(),
    owner: uuid().optional(),
    closeFrom: day.optional(),
    closeTo: day.optional(),
    minAmount: amount.optional(),
    maxAmount: amount.optional(),
  }),
  tasks: z.strictObject({
    scope: z.enum(['mine', 'team']).optional(),
    view: z.enum(['open', 'done']).optional(),
    assignee: uuid().optional(),
  }),
  orders: z.strictObject({
    q: text(200).optional(),
    status: statuses(ORDER_STATUSES).optional(),
    customerId: uuid().optional(),
    from: day.optional(),
    to: day.optional(),
    minTotal: amount.optional(),
    maxTotal: amount.optional(),
  }),
} satisfies Record<SavedViewList, z.ZodType<Record<string, string | string[] | undefined>>>;

/** A view's search params: one value or several per key. */
export type SavedViewState = Record<string, string | string[]>;

/** A view's state checked against its list; the issues say which param is wrong. */
export function parseSavedViewState(list: SavedViewList, state: unknown) {
  return SAVED_VIEW_STATES[list].safeParse(state);
}

/** Any list's state as the wire carries it; checked against the view's own list by the server. */
const stateInput = z
  .record(z.string().max(40), z.union([z.string().max(200), z.array(z.string().max(200)).max(10)]))
  .meta({ description: "The list's search params, by the names its URL uses." });

const viewName = z
  .string()
  .trim()
  .min(1, 'Give the view a name')
  .max(MAX_VIEW_NAME_LENGTH, `must be at most ${MAX_VIEW_NAME_LENGTH} characters`);

export const savedViewListInput = z.object({ list: savedViewList });

export const savedViewCreateInput = z.object({
  list: savedViewList,
  name: viewName,
  shared: z.boolean().default(false),
  state: stateInput,
});
export type SavedViewCreateInput = z.input<typeof savedViewCreateInput>;

export const savedViewUpdateInput = z.object({
  id: uuid(),
  name: viewName.optional(),
  shared: z.boolean().optional(),
  state: stateInput.optional(),
});

export const savedViewPinInput = z.object({ id: uuid(), pinned: z.boolean() });

/** A view to open the list with, or null for none. */
export const savedViewDefaultInput = z.object({ list: savedViewList, id: uuid().nullable() });

export const savedViewOutput = z.object({
  id: uuid(),
  list: savedViewList,
  name: z.string(),
  shared: z.boolean(),
  state: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  ownerUserId: uuid(),
  ownerName: z.string().nullable(),
  position: z.number().int(),
  createdAt: timestamp(),
  updatedAt: timestamp(),
});
export type SavedView = z.infer<typeof savedViewOutput>;

export const savedViewsOutput = z.object({
  views: z.array(
    savedViewOutput.extend({
      /** The member may rename, change, share or delete it. */
      editable: z.boolean(),
    }),
  ),
  /** Of the views above, in the order they are shown as tabs. */
  pinnedIds: z.array(uuid()),
  defaultId: uuid().nullable(),
});
export type SavedViews = z.infer<typeof savedViewsOutput>;
export type ListedSavedView = SavedViews['views'][number];

export const savedViewPreferencesOutput = z.object({
  list: savedViewList,
  pinnedIds: z.array(uuid()),
  defaultId: uuid().nullable(),
});
