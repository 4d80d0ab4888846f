import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "Page · Quorum" in the tab and in the browser history. */
export function useDocumentTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  const name = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${name}` : name;
  }, [title, name]);
}
