/** Dates as an office in Vietnam writes them: `26/11/2026`, `14:30`, in the organization's time zone. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(date: Date, timeZone: string): Record<'day' | 'month' | 'year' | 'hour' | 'minute', string> {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]));
  return {
    day: parts.day ?? '',
    month: parts.month ?? '',
    year: parts.year ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
  };
}

/** `26/11/2026` */
export function formatDate(date: Date, timeZone: string): string {
  const p = partsIn(date, timeZone);
  return `${p.day}/${p.month}/${p.year}`;
}

/** `14:30` */
export function formatTime(date: Date, timeZone: string): string {
  const p = partsIn(date, timeZone);
  return `${p.hour}:${p.minute}`;
}

/** `26/11/2026 14:30` */
export function formatDateTime(date: Date, timeZone: string): string {
  return `${formatDate(date, timeZone)} ${formatTime(date, timeZone)}`;
}

/** `2026-11-26`, for file names. */
export function dateKey(date: Date, timeZone: string): string {
  const p = partsIn(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** An ASCII file-name stem: "Hội nghị Ban Thường vụ" → "hoi-nghi-ban-thuong-vu" (đ has no decomposition). */
export function slug(text: string, maxLength = 60): string {
  const ascii = text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii.slice(0, maxLength).replace(/-+$/, '') || 'cuoc-hop';
}
