import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { adminEn } from './admin.en';
import { adminVi } from './admin.vi';
import { dashboardEn } from './dashboard.en';
import { dashboardVi } from './dashboard.vi';
import { en } from './en';
import { inputErrorsEn } from './input-errors.en';
import { inputErrorsVi } from './input-errors.vi';
import { minutesEn } from './minutes.en';
import { minutesVi } from './minutes.vi';
import { notificationsEn } from './notifications.en';
import { notificationsVi } from './notifications.vi';
import { programmeEn } from './programme.en';
import { programmeVi } from './programme.vi';
import { searchEn } from './search.en';
import { searchVi } from './search.vi';
import { tasksEn } from './tasks.en';
import { tasksVi } from './tasks.vi';
import { versionsEn } from './versions.en';
import { versionsVi } from './versions.vi';
import { vi } from './vi';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const LOCALE_KEY = 'quorum.locale';
const DEFAULT_LOCALE: Locale = 'vi';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(LOCALE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    // Account, administration, input-error and version texts live in their own files, under their own top-level
    // keys.
    vi: { translation: { ...vi, ...adminVi, ...inputErrorsVi, ...versionsVi } },
    en: { translation: { ...en, ...adminEn, ...inputErrorsEn, ...versionsEn } },
  },
  lng: storedLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  // Resources are bundled: initialise synchronously so the first render is translated.
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

// The task texts: merged (their field names join `inputError.field`); the home and the meeting room use them.
i18n.addResourceBundle('vi', 'translation', tasksVi, true, false);
i18n.addResourceBundle('en', 'translation', tasksEn, true, false);
// A meeting's minutes (the meeting room names them before their editor is loaded).
i18n.addResourceBundle('vi', 'translation', minutesVi, true, false);
i18n.addResourceBundle('en', 'translation', minutesEn, true, false);
// The work programme and follow-up texts (the header names both sections).
i18n.addResourceBundle('vi', 'translation', programmeVi, true, false);
i18n.addResourceBundle('en', 'translation', programmeEn, true, false);
// The leaders' dashboard (the header links to it).
i18n.addResourceBundle('vi', 'translation', dashboardVi, true, false);
i18n.addResourceBundle('en', 'translation', dashboardEn, true, false);
// Search (the header's box is on every page).
i18n.addResourceBundle('vi', 'translation', searchVi, true, false);
i18n.addResourceBundle('en', 'translation', searchEn, true, false);
// Notifications (the header's bell is on every page; the preferences are on /account).
i18n.addResourceBundle('vi', 'translation', notificationsVi, true, false);
i18n.addResourceBundle('en', 'translation', notificationsEn, true, false);

function applyDocumentLanguage(locale: string): void {
  document.documentElement.lang = locale;
}

applyDocumentLanguage(i18n.language);
i18n.on('languageChanged', applyDocumentLanguage);

export function currentLocale(): Locale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LOCALE;
}

export async function changeLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // Not persisted; the switch still applies to this tab.
  }
  await i18n.changeLanguage(locale);
}
