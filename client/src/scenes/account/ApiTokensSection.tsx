import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ApiTokenScope, ErrorCode } from '@quorum/shared';
import { apiErrorInfo } from '../../apollo/errors';
import { Alert } from '../../components/Alert';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { useSessionContext, useTimeZone } from '../../hooks/useOrganization';
import { zonedDateKey, zonedLocalToIso } from '../../i18n/format';
import { ApiTokenTable, isCalendarFeedToken, tokenState } from '../admin/ApiTokenTable';
import { Dialog, SecretBox, errorText } from '../admin/ui';
import { ApiTokensDocument, CreateApiTokenDocument } from '../../generated/graphql';

type Field = 'name' | 'scopes' | 'expiresAt';
type FieldErrors = Partial<Record<Field, string>>;
const FIELDS: readonly string[] = ['name', 'scopes', 'expiresAt'];
const NAME_MAX = 200;

/** The viewer's own API tokens: list, create (the token shown once), revoke, keep after a password change. */
export function ApiTokensSection() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { viewer } = useSessionContext();
  const timeZone = useTimeZone();
  const { data, loading, error, refetch } = useQuery(ApiTokensDocument, { fetchPolicy: 'cache-and-network' });
  const [createToken, { loading: creating }] = useMutation(CreateApiTokenDocument, {
    refetchQueries: [ApiTokensDocument],
  });
  const [name, setName] = useState('');
  const [read, setRead] = useState(true);
  const [write, setWrite] = useState(false);
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // Administrators get everyone's tokens from `apiTokens`: here only the viewer's, and not the calendar feed.
  const mine = useMemo(
    () =>
      (data?.apiTokens ?? []).filter((token) => token.owner.id === viewer.id && !isCalendarFeedToken(token)),
    [data, viewer.id],
  );
  const toReview = mine.some((token) => token.reviewRequestedAt && tokenState(token) === 'active');
  const today = zonedDateKey(new Date(), timeZone);

  function validate(): FieldErrors {
    const found: FieldErrors = {};
    if (!name.trim()) found.name = t('account.tokens.errors.nameRequired');
    else if (name.trim().length > NAME_MAX)
      found.name = t('account.tokens.errors.nameTooLong', { max: NAME_MAX });
    if (!read && !write) found.scopes = t('account.tokens.errors.scopesRequired');
    if (expiresOn && (expiresOn <= today || !zonedLocalToIso(`${expiresOn}T23:59`, timeZone)))
      found.expiresAt = t('account.tokens.errors.expiresAtPast');
    return found;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    setNotice(null);
    const found = validate();
    setErrors(found);
    const first = FIELDS.find((field) => found[field as Field]);
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    const scopes = [...(read ? [ApiTokenScope.READ] : []), ...(write ? [ApiTokenScope.WRITE] : [])];
    try {
      const result = await createToken({
        variables: {
          input: {
            name: name.trim(),
            scopes,
            // The end of the chosen day in the organization's time zone.
            expiresAt: expiresOn ? zonedLocalToIso(`${expiresOn}T23:59:59`, timeZone) : null,
          },
        },
      });
      const payload = result.data?.createApiToken;
      if (payload) {
        setCreated({ name: payload.apiToken.name, token: payload.token });
        setName('');
        setRead(true);
        setWrite(false);
        setExpiresOn('');
      }
    } catch (err) {
      const info = apiErrorInfo(err);
      if (info?.code === ErrorCode.BAD_USER_INPUT && info.field && FIELDS.includes(info.field)) {
        const field = info.field as Field;
        setErrors({
          [field]:
            field === 'expiresAt'
              ? t('account.tokens.errors.expiresAtPast')
              : field === 'scopes'
                ? t('account.tokens.errors.scopesRequired')
                : t('errors.BAD_USER_INPUT'),
        });
        document.getElementById(`${id}-${field}`)?.focus();
      } else {
        setFormError(errorText(t, err));
      }
    }
  }

  const describedBy = (field: Field, extra?: string) =>
    [errors[field] ? `${id}-${field}-error` : null, extra].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: Field) =>
    errors[field] && (
      <p id={`${id}-${field}-error`} className="field__error">
        {errors[field]}
      </p>
    );

  return (
    <section id="api-tokens" className="panel account__section" aria-labelledby="api-tokens-heading">
      <h2 id="api-tokens-heading" className="panel__title">
        {t('account.tokens.heading')}
      </h2>
      <p className="account__intro">{t('account.tokens.intro')}</p>
      <p>
        <a href={i18n.language === 'en' ? '/docs/en' : '/docs'} data-testid="api-docs-link">
          {t('account.tokens.docs')}
        </a>
      </p>
      {notice && <Alert tone="success">{notice}</Alert>}
      {toReview && (
        <Alert tone="warning" testId="tokens-to-review">
          {t('account.tokens.review')}
        </Alert>
      )}

      {loading && !data ? (
        <LoadingState label={t('account.tokens.loading')} />
      ) : error && !data ? (
        <ErrorState
          message={t('account.tokens.loadError')}
          error={error}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : mine.length === 0 ? (
        <p className="admin-table__muted" data-testid="my-tokens-empty">
          {t('account.tokens.empty')}
        </p>
      ) : (
        <ApiTokenTable
          tokens={mine}
          caption={t('account.tokens.caption')}
          onRevoked={setNotice}
          onConfirmed={setNotice}
          testId="my-tokens-table"
        />
      )}

      <form
        className="account__form account__subform"
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        data-testid="create-token-form"
        aria-labelledby={`${id}-create-heading`}
      >
        <h3 id={`${id}-create-heading`} className="account__subtitle">
          {t('account.tokens.create')}
        </h3>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('account.tokens.name')}</label>
          <input
            id={`${id}-name`}
            type="text"
            value={name}
            maxLength={NAME_MAX}
            placeholder={t('account.tokens.namePlaceholder')}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy('name')}
            required
          />
          {fieldError('name')}
        </div>
        <fieldset
          className="field checkbox-group"
          id={`${id}-scopes`}
          tabIndex={-1}
          aria-invalid={errors.scopes ? true : undefined}
          aria-describedby={describedBy('scopes')}
        >
          <legend>{t('account.tokens.scopes')}</legend>
          <label className="checkbox">
            <input type="checkbox" checked={read} onChange={(event) => setRead(event.target.checked)} />
            <span>{t('account.tokens.scopeRead')}</span>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={write} onChange={(event) => setWrite(event.target.checked)} />
            <span>{t('account.tokens.scopeWrite')}</span>
          </label>
          {fieldError('scopes')}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-expiresAt`}>{t('account.tokens.expiresAt')}</label>
          <input
            id={`${id}-expiresAt`}
            type="date"
            value={expiresOn}
            min={today}
            onChange={(event) => setExpiresOn(event.target.value)}
            aria-invalid={errors.expiresAt ? true : undefined}
            aria-describedby={describedBy('expiresAt', `${id}-expiresAt-hint`)}
          />
          <p id={`${id}-expiresAt-hint`} className="field__hint">
            {t('account.tokens.expiresAtHint')}
          </p>
          {fieldError('expiresAt')}
        </div>
        {formError && <Alert tone="error">{formError}</Alert>}
        <button type="submit" className="button button--primary" disabled={creating}>
          {creating ? t('account.tokens.submitting') : t('account.tokens.submit')}
        </button>
      </form>

      {created && (
        <Dialog
          title={t('account.tokens.createdTitle', { name: created.name })}
          onClose={() => setCreated(null)}
          testId="token-created-dialog"
        >
          <SecretBox
            label={t('account.tokens.tokenLabel')}
            value={created.token}
            warning={t('account.tokens.tokenWarning')}
            testId="new-api-token"
          />
          <div className="dialog__actions">
            <button type="button" className="button button--primary" onClick={() => setCreated(null)}>
              {t('ui.done')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
