import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import './search.css';

/** Whether a key press belongs to something the viewer types into (then `/` is a character, not a shortcut). */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null
  );
}

/**
 * The header's search box: `/` anywhere (but in a field or an editor) puts the cursor in it, Enter opens the
 * results page (`/search?q=…`), Escape leaves it. On the results page it shows the words searched.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const current = pathname === '/search' ? (params.get('q') ?? '') : '';
  const [value, setValue] = useState(current);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();

  // Following the page: another search, or leaving the results, shows what is searched now.
  useEffect(() => setValue(current), [current]);

  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented)
        return;
      if (typingIn(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const query = value.trim();
    if (!query) return;
    void navigate(`/search?q=${encodeURIComponent(query)}`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') {
      setValue(current);
      input.current?.blur();
    }
  }

  return (
    <form role="search" className="search-box" onSubmit={onSubmit} aria-label={t('search.label')}>
      <input
        ref={input}
        type="search"
        className="search-box__input"
        name="q"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        aria-describedby={hintId}
        aria-keyshortcuts="/"
        maxLength={200}
        autoComplete="off"
        enterKeyHint="search"
        data-testid="search-box"
      />
      <span id={hintId} className="visually-hidden">
        {t('search.hint')}
      </span>
    </form>
  );
}
