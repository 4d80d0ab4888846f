import { useTranslation } from 'react-i18next';
import { changeLocale, LOCALES } from '../i18n';
import { useLocale } from '../hooks/useFormat';

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="language-switcher" role="group" aria-label={t('language.label')}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          className="language-switcher__option"
          aria-pressed={option === locale}
          lang={option}
          onClick={() => void changeLocale(option)}
        >
          {t(`language.${option}`)}
        </button>
      ))}
    </div>
  );
}
