import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n';
import type { Locale } from '../i18n';
import { formatDate, formatDateTime } from '../i18n/format';
import { useTimeZone } from './useOrganization';

export function useLocale(): Locale {
  // Subscribes the component to language changes.
  useTranslation();
  return currentLocale();
}

export function useFormatDateTime(): (iso: string) => string {
  const locale = useLocale();
  const timeZone = useTimeZone();
  return useCallback((iso: string) => formatDateTime(iso, locale, timeZone), [locale, timeZone]);
}

export function useFormatDate(): (iso: string) => string {
  const locale = useLocale();
  const timeZone = useTimeZone();
  return useCallback((iso: string) => formatDate(iso, locale, timeZone), [locale, timeZone]);
}
