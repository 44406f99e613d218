import type { TimelineRecordType } from '@/schemas/timeline';

export const TIMELINE_PAGE_SIZE = 20;

/** The first query of a record's timeline, the same for the server's prefetch and the client. */
export const timelineParams = (recordType: TimelineRecordType, recordId: string) => ({
  recordType,
  recordId,
  types: [],
  limit: TIMELINE_PAGE_SIZE,
});
