// Building blocks of the account and administration pages: modal dialogs, confirmations,
// the box that shows a secret once, the "not allowed" page and the admin layout.
import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import type { TFunction } from 'i18next';
import { apiErrorInfo } from '../../apollo/errors';
import { Alert } from '../../components/Alert';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useViewerRole } from '../../hooks/useViewerRole';

/** The general message for an API error, in the current language. */
export function errorText(t: TFunction, error: unknown): string {
  return t(`errors.${apiErrorInfo(error)?.code ?? 'NETWORK'}`);
}

/** Lower case without diacritics ("Đặng Quốc Việt" → "dang quoc viet"), for searching Vietnamese names. */
export function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

// ---------------------------------------------------------------------------
// Dialogs

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  /** The text under the title, read out with it. */
  description?: string;
  wide?: boolean;
}

/**
 * A modal dialog on the native <dialog>: the rest of the page is inert while it is open,
 * Escape closes it, and focus goes back to whatever had it before (usually the button that
 * opened it). Put `data-autofocus` on the element that should take focus first.
 * Render it only while open: mounting opens it, unmounting closes it.
 */
export function Dialog({ title, onClose, children, testId, description, wide }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // The opener may be gone (a "Revoke" button disappears with what it revoked): then the page.
      if (opener?.isConnected) opener.focus();
      else document.getElementById('main')?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      data-testid={testId}
      onCancel={(event) => {
        // Escape: the parent decides (it unmounts the dialog).
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button
          type="button"
          className="icon-button dialog__close"
          onClick={onClose}
          aria-label={t('ui.close')}
          title={t('ui.close')}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="dialog__body">
        {description && (
          <p id={descriptionId} className="dialog__description">
            {description}
          </p>
        )}
        {children}
      </div>
    </dialog>
  );
}

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  tone?: 'danger' | 'primary';
  onConfirm: () => Promise<void>;
  onClose: () => void;
  testId?: string;
}

/** "Are you sure?": the action runs on confirm; an error stays in the dialog, success closes it. */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  tone = 'danger',
  onConfirm,
  onClose,
  testId,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (err) {
      setError(errorText(t, err));
      setBusy(false);
    }
  }

  return (
    <Dialog title={title} onClose={onClose} testId={testId} description={body}>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className={tone === 'danger' ? 'button button--danger' : 'button button--primary'}
          onClick={() => void confirm()}
          disabled={busy}
          data-testid={testId ? `${testId}-confirm` : undefined}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}

// ---------------------------------------------------------------------------
// A secret shown once

interface SecretBoxProps {
  label: string;
  value: string;
  warning: string;
  testId: string;
}

/** A token, password or URL that the server shows only once: a warning, the value, a copy button. */
export function SecretBox({ label, value, warning, testId }: SecretBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function onCopy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopy('copied');
    } catch {
      // No clipboard API (an insecure origin) or no permission: the old way, else select it.
      input.current?.select();
      setCopy(document.execCommand('copy') ? 'copied' : 'failed');
    }
  }

  return (
    <div className="secret" data-testid={testId}>
      <Alert tone="warning">{warning}</Alert>
      <label htmlFor={id} className="secret__label">
        {label}
      </label>
      <div className="secret__row">
        <input
          ref={input}
          id={id}
          type="text"
          className="secret__value"
          value={value}
          readOnly
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
          data-testid={`${testId}-value`}
        />
        <button type="button" className="button" onClick={() => void onCopy()} data-autofocus>
          {t('ui.copy')}
        </button>
      </div>
      <p className="field__hint secret__status" role="status">
        {copy === 'copied' ? t('ui.copied') : copy === 'failed' ? t('ui.copyFailed') : ''}
      </p>
    </div>
  );
}

/** What someone who is not an administrator sees on /admin/*. */
export function Forbidden() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.forbidden.heading'));
  return (
    <section className="panel not-found" data-testid="admin-forbidden">
      <h1 className="panel__title panel__title--page">{t('admin.forbidden.heading')}</h1>
      <p>{t('admin.forbidden.body')}</p>
      <Link className="button" to="/">
        {t('admin.forbidden.back')}
      </Link>
    </section>
  );
}

// ---------------------------------------------------------------------------
// The administration layout

interface AdminShellProps {
  heading: string;
  intro: string;
  /** Buttons next to the heading. */
  actions?: ReactNode;
  children: ReactNode;
}

/**
 * An administration page: the section tabs, the heading, then the content, which is only
 * rendered (and only queries) for administrators; everyone else gets a friendly refusal.
 */
export function AdminShell({ heading, intro, actions, children }: AdminShellProps) {
  const { t } = useTranslation();
  const role = useViewerRole();
  const headingId = useId();
  useDocumentTitle(role.isAdmin ? heading : null);

  if (role.loading) return <LoadingState label={t('common.loading')} />;
  if (role.error && !role.isAdmin) return <ErrorState message="" error={role.error} onRetry={role.refetch} />;
  if (!role.isAdmin) return <Forbidden />;

  const tab = ({ isActive }: { isActive: boolean }) =>
    isActive ? 'admin-tabs__link admin-tabs__link--active' : 'admin-tabs__link';

  return (
    <div className="admin">
      <nav className="admin-tabs" aria-label={t('adminNav.section')}>
        <NavLink to="/admin/users" className={tab}>
          {t('adminNav.users')}
        </NavLink>
        <NavLink to="/admin/units" className={tab}>
          {t('adminNav.units')}
        </NavLink>
        <NavLink to="/admin/tokens" className={tab}>
          {t('adminNav.tokens')}
        </NavLink>
      </nav>
      <section className="panel" aria-labelledby={headingId}>
        <div className="admin__head">
          <div>
            <h1 id={headingId} className="panel__title panel__title--page">
              {heading}
            </h1>
            <p className="admin__intro">{intro}</p>
          </div>
          {actions && <div className="admin__actions">{actions}</div>}
        </div>
        {children}
      </section>
    </div>
  );
}
