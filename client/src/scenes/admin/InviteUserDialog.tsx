import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorCode, MembershipRole } from '@quorum/shared';
import { apiErrorInfo } from '../../apollo/errors';
import { Alert } from '../../components/Alert';
import { indentedUnitName } from './unit-tree';
import { useDirectoryUnits } from './useDirectoryUnits';
import { Dialog, SecretBox, errorText } from './ui';
import { DirectoryUsersDocument, InviteUserDocument } from '../../generated/graphql';

type Field = 'email' | 'fullName' | 'jobTitle' | 'unitId' | 'role';
type FieldErrors = Partial<Record<Field, string>>;
const FIELDS: readonly string[] = ['email', 'fullName', 'jobTitle', 'unitId', 'role'];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Invites a user: the form, then the temporary password, shown once. Closing the dialog after
 * that forgets the password for good.
 */
export function InviteUserDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const units = useDirectoryUnits();
  const [invite, { loading }] = useMutation(InviteUserDocument, {
    refetchQueries: [DirectoryUsersDocument],
  });
  const [email, setEmail] = useState('');
  const [fullName, setFullName] = useState('');
  const [jobTitle, setJobTitle] = useState('');
  const [unitId, setUnitId] = useState('');
  const [role, setRole] = useState<MembershipRole>(MembershipRole.STAFF);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; email: string; password: string } | null>(null);

  function validate(): FieldErrors {
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = t('admin.invite.errors.emailRequired');
    else if (!EMAIL.test(email.trim())) errors.email = t('admin.invite.errors.emailInvalid');
    if (!fullName.trim()) errors.fullName = t('admin.invite.errors.fullNameRequired');
    return errors;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const errors = validate();
    setFieldErrors(errors);
    const first = FIELDS.find((field) => errors[field as Field]);
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    try {
      const result = await invite({
        variables: {
          input: {
            email: email.trim(),
            fullName: fullName.trim(),
            jobTitle: jobTitle.trim() || null,
            unitId: unitId || null,
            role: unitId ? role : null,
          },
        },
      });
      const payload = result.data?.inviteUser;
      if (payload) {
        setCreated({
          name: payload.user.fullName,
          email: payload.user.email,
          password: payload.temporaryPassword,
        });
      }
    } catch (err) {
      const info = apiErrorInfo(err);
      if (info?.code === ErrorCode.BAD_USER_INPUT && info.field && FIELDS.includes(info.field)) {
        const field = info.field as Field;
        setFieldErrors({
          [field]: field === 'email' ? t('admin.invite.errors.emailTaken') : t('errors.BAD_USER_INPUT'),
        });
        document.getElementById(`${id}-${field}`)?.focus();
      } else {
        setFormError(errorText(t, err));
      }
    }
  }

  if (created) {
    return (
      // A new dialog (the key): focus moves to the password, and later back to the opener.
      <Dialog
        key="created"
        title={t('admin.invite.createdTitle', { name: created.name })}
        onClose={onClose}
        testId="invite-dialog"
      >
        <SecretBox
          label={t('admin.invite.passwordLabel')}
          value={created.password}
          warning={t('admin.invite.passwordWarning', { email: created.email })}
          testId="temporary-password"
        />
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={onClose}>
            {t('ui.done')}
          </button>
        </div>
      </Dialog>
    );
  }

  const describedBy = (field: Field) => (fieldErrors[field] ? `${id}-${field}-error` : undefined);
  const error = (field: Field) =>
    fieldErrors[field] && (
      <p id={`${id}-${field}-error`} className="field__error">
        {fieldErrors[field]}
      </p>
    );

  return (
    <Dialog
      title={t('admin.invite.title')}
      description={t('admin.invite.intro')}
      onClose={onClose}
      testId="invite-dialog"
    >
      <form noValidate onSubmit={(event) => void onSubmit(event)} data-testid="invite-form">
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('admin.invite.email')}</label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={fieldErrors.email ? true : undefined}
            aria-describedby={describedBy('email')}
            required
            data-autofocus
          />
          {error('email')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-fullName`}>{t('admin.invite.fullName')}</label>
          <input
            id={`${id}-fullName`}
            type="text"
            autoComplete="off"
            maxLength={200}
            value={fullName}
            onChange={(event) => setFullName(event.target.value)}
            aria-invalid={fieldErrors.fullName ? true : undefined}
            aria-describedby={describedBy('fullName')}
            required
          />
          {error('fullName')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-jobTitle`}>
            {t('admin.invite.jobTitle')} <span className="field__optional">{t('admin.invite.optional')}</span>
          </label>
          <input
            id={`${id}-jobTitle`}
            type="text"
            autoComplete="off"
            maxLength={200}
            value={jobTitle}
            onChange={(event) => setJobTitle(event.target.value)}
            aria-invalid={fieldErrors.jobTitle ? true : undefined}
            aria-describedby={describedBy('jobTitle')}
          />
          {error('jobTitle')}
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-unitId`}>
              {t('admin.invite.unit')} <span className="field__optional">{t('admin.invite.optional')}</span>
            </label>
            <select
              id={`${id}-unitId`}
              value={unitId}
              onChange={(event) => setUnitId(event.target.value)}
              aria-invalid={fieldErrors.unitId ? true : undefined}
              aria-describedby={describedBy('unitId')}
            >
              <option value="">{units.loading ? t('common.loading') : t('admin.invite.noUnit')}</option>
              {units.flat.map(({ unit, depth }) => (
                <option key={unit.id} value={unit.id}>
                  {indentedUnitName(unit, depth)}
                </option>
              ))}
            </select>
            {error('unitId')}
            {units.error && <p className="field__error">{errorText(t, units.error)}</p>}
          </div>
          <div className="field">
            <label htmlFor={`${id}-role`}>{t('admin.invite.role')}</label>
            <select
              id={`${id}-role`}
              value={role}
              onChange={(event) => setRole(event.target.value as MembershipRole)}
              disabled={!unitId}
              aria-describedby={describedBy('role')}
            >
              {Object.values(MembershipRole).map((value) => (
                <option key={value} value={value}>
                  {t(`adminEnums.membershipRole.${value}`)}
                </option>
              ))}
            </select>
            {error('role')}
          </div>
        </div>
        {formError && <Alert tone="error">{formError}</Alert>}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={loading}>
            {loading ? t('admin.invite.submitting') : t('admin.invite.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
