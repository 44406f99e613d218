'use client';

import type { SavedViewList } from '@/schemas/saved-views';
import { api } from '@/trpc/react';

/** A list's saved views, and the changes to them, each refreshing the list's views when done. */
export function useSavedViews(list: SavedViewList) {
  const utils = api.useUtils();
  const refresh = () => utils.views.list.invalidate({ list });
  const onSuccess = () => {
    void refresh();
  };
  return {
    query: api.views.list.useQuery({ list }),
    create: api.views.create.useMutation({ onSuccess }),
    update: api.views.update.useMutation({ onSuccess }),
    remove: api.views.delete.useMutation({ onSuccess }),
    pin: api.views.pin.useMutation({ onSuccess }),
    setDefault: api.views.setDefault.useMutation({ onSuccess }),
  };
}

export type SavedViewsApi = ReturnType<typeof useSavedViews>;
