import { formatDate } from '@/lib/format';
import { localDay } from '@/lib/date-range';

/** A YYYY-MM-DD day as people read it ("Jan 31, 2027"), in no particular time zone. */
export const formatDay = (day: string) => formatDate(localDay(day, 0));
