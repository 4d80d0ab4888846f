import type { Locale } from './index';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, cached);
  }
  return cached;
}

const numericParts: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
};

function wallClockParts(date: Date, timeZone: string): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of formatter('en-US', timeZone, numericParts).formatToParts(date)) {
    parts[part.type] = part.value;
  }
  return parts;
}

/**
 * `26/11/2026 14:30` in Vietnamese (the form Vietnamese offices write; Intl's vi-VN puts
 * the time first), the usual English form otherwise; always in the organization's zone.
 */
export function formatDateTime(iso: string, locale: Locale, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (locale === 'vi') {
    const p = wallClockParts(date, timeZone);
    return `${p['day']}/${p['month']}/${p['year']} ${p['hour']}:${p['minute']}`;
  }
  return formatter('en-GB', timeZone, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(
    date,
  );
}

/** Milliseconds to add to UTC to get the wall-clock time in `timeZone` at `date`. */
function zoneOffset(date: Date, timeZone: string): number {
  const p = wallClockParts(date, timeZone);
  const asUtc = Date.UTC(
    Number(p['year']),
    Number(p['month']) - 1,
    Number(p['day']),
    Number(p['hour']),
    Number(p['minute']),
    Number(p['second']),
  );
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/**
 * A `datetime-local` value ("2026-11-26T14:30") read as wall-clock time in the
 * organization's zone, not the browser's, returned as an ISO instant.
 */
export function zonedLocalToIso(value: string, timeZone: string = DEFAULT_TIME_ZONE): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  // Two passes settle the offset across a daylight-saving boundary.
  let instant = wall - zoneOffset(new Date(wall), timeZone);
  instant = wall - zoneOffset(new Date(instant), timeZone);
  return new Date(instant).toISOString();
}

/** The inverse: an instant as a `datetime-local` value in the organization's zone. */
export function isoToZonedLocal(date: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = wallClockParts(date, timeZone);
  return `${p['year']}-${p['month']}-${p['day']}T${p['hour']}:${p['minute']}`;
}

/** The calendar day ("2026-11-26") an instant falls on in the organization's zone. */
export function zonedDateKey(date: Date | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = wallClockParts(typeof date === 'string' ? new Date(date) : date, timeZone);
  return `${p['year']}-${p['month']}-${p['day']}`;
}

/** `14:30`, in the organization's zone, in both languages. */
export function formatTime(iso: string | Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = wallClockParts(typeof iso === 'string' ? new Date(iso) : iso, timeZone);
  return `${p['hour']}:${p['minute']}`;
}

/** `26/11/2026` in Vietnamese, `26 Nov 2026` in English, in the organization's zone. */
export function formatDate(iso: string | Date, locale: Locale, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return String(iso);
  if (locale === 'vi') {
    const p = wallClockParts(date, timeZone);
    return `${p['day']}/${p['month']}/${p['year']}`;
  }
  return formatter('en-GB', timeZone, { dateStyle: 'medium' }).format(date);
}

/** A duration in minutes as `1 giờ 30 phút` / `1 h 30 min`. */
export function formatMinutes(minutes: number, locale: Locale): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const [hu, mu] = locale === 'vi' ? ['giờ', 'phút'] : ['h', 'min'];
  if (h === 0) return `${m} ${mu}`;
  return m === 0 ? `${h} ${hu}` : `${h} ${hu} ${m} ${mu}`;
}
