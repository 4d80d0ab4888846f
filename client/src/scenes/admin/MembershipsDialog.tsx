import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { Reference } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { MembershipRole } from '@quorum/shared';
import { Alert } from '../../components/Alert';
import { indentedUnitName } from './unit-tree';
import { useDirectoryUnits } from './useDirectoryUnits';
import { Dialog, errorText } from './ui';
import { RemoveMembershipDocument, SetMembershipDocument } from '../../generated/graphql';
import type { DirectoryUserFieldsFragment, MembershipFieldsFragment } from '../../generated/graphql';

/** A user's units: change the role in one, remove them from one, add them to another. */
export function MembershipsDialog({
  user,
  onClose,
}: {
  user: DirectoryUserFieldsFragment;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const units = useDirectoryUnits();
  const [setMembership, { loading: saving }] = useMutation(SetMembershipDocument);
  const [removeMembership, { loading: removing }] = useMutation(RemoveMembershipDocument);
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null);
  const [unitId, setUnitId] = useState('');
  const [role, setRole] = useState<MembershipRole>(MembershipRole.STAFF);
  const [unitError, setUnitError] = useState<string | null>(null);
  const addUnit = useRef<HTMLSelectElement>(null);

  const memberOf = new Set(user.memberships.map((membership) => membership.unit.id));
  const available = units.flat.filter(({ unit }) => !memberOf.has(unit.id));
  const busy = saving || removing;

  async function save(unit: string, nextRole: MembershipRole): Promise<boolean> {
    setStatus(null);
    try {
      await setMembership({ variables: { input: { userId: user.id, unitId: unit, role: nextRole } } });
      setStatus({ tone: 'success', text: t('admin.memberships.saved') });
      return true;
    } catch (err) {
      setStatus({ tone: 'error', text: errorText(t, err) });
      return false;
    }
  }

  async function remove(membership: MembershipFieldsFragment) {
    setStatus(null);
    try {
      await removeMembership({
        variables: { input: { userId: user.id, unitId: membership.unit.id } },
        update(cache) {
          cache.modify({
            id: cache.identify({ __typename: 'User', id: user.id }),
            fields: {
              memberships(existing: readonly Reference[] = [], { readField }) {
                return existing.filter((ref) => readField('id', ref) !== membership.id);
              },
            },
          });
        },
      });
      setConfirmRemove(null);
      setStatus({ tone: 'success', text: t('admin.memberships.saved') });
      addUnit.current?.focus();
    } catch (err) {
      setStatus({ tone: 'error', text: errorText(t, err) });
    }
  }

  async function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!unitId) {
      setUnitError(t('admin.memberships.unitRequired'));
      addUnit.current?.focus();
      return;
    }
    setUnitError(null);
    if (await save(unitId, role)) setUnitId('');
  }

  return (
    <Dialog
      title={t('admin.memberships.title', { name: user.fullName })}
      description={t('admin.memberships.intro')}
      onClose={onClose}
      testId="memberships-dialog"
      wide
    >
      <h3 className="dialog__subtitle">{t('admin.memberships.current')}</h3>
      {user.memberships.length === 0 ? (
        <p className="admin-table__muted">{t('admin.memberships.none')}</p>
      ) : (
        <ul className="membership-list">
          {user.memberships.map((membership) => {
            const unitName = membership.unit.name;
            return (
              <li key={membership.id} className="membership-list__item" data-testid="membership">
                <div className="membership-list__row">
                  <span className="membership-list__unit">
                    {unitName}
                    {membership.unit.shortName && (
                      <span className="admin-table__sub">{membership.unit.shortName}</span>
                    )}
                  </span>
                  <label className="visually-hidden" htmlFor={`${id}-${membership.id}-role`}>
                    {t('admin.memberships.roleOf', { unit: unitName })}
                  </label>
                  <select
                    id={`${id}-${membership.id}-role`}
                    className="membership-list__role"
                    value={membership.role}
                    disabled={busy}
                    onChange={(event) => void save(membership.unit.id, event.target.value as MembershipRole)}
                  >
                    {Object.values(MembershipRole).map((value) => (
                      <option key={value} value={value}>
                        {t(`adminEnums.membershipRole.${value}`)}
                      </option>
                    ))}
                  </select>
                  {confirmRemove !== membership.id && (
                    <button
                      type="button"
                      className="button button--small button--danger"
                      aria-label={t('admin.memberships.removeLabel', { name: user.fullName, unit: unitName })}
                      onClick={() => setConfirmRemove(membership.id)}
                      disabled={busy}
                    >
                      {t('admin.memberships.remove')}
                    </button>
                  )}
                </div>
                {confirmRemove === membership.id && (
                  <div
                    className="confirm"
                    role="group"
                    aria-label={t('admin.memberships.removeConfirm', { unit: unitName })}
                  >
                    <p>{t('admin.memberships.removeConfirm', { unit: unitName })}</p>
                    <div className="inline-form__actions">
                      <button
                        type="button"
                        className="button button--small button--danger"
                        onClick={() => void remove(membership)}
                        disabled={busy}
                        autoFocus
                      >
                        {t('admin.memberships.removeYes')}
                      </button>
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => setConfirmRemove(null)}
                      >
                        {t('common.cancel')}
                      </button>
                    </div>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}

      <form
        className="membership-add"
        noValidate
        onSubmit={(event) => void onAdd(event)}
        data-testid="membership-add"
      >
        <h3 className="dialog__subtitle">{t('admin.memberships.add')}</h3>
        {units.error && <Alert tone="error">{errorText(t, units.error)}</Alert>}
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-unit`}>{t('admin.memberships.unit')}</label>
            <select
              id={`${id}-unit`}
              ref={addUnit}
              value={unitId}
              onChange={(event) => setUnitId(event.target.value)}
              aria-invalid={unitError ? true : undefined}
              aria-describedby={unitError ? `${id}-unit-error` : undefined}
              disabled={available.length === 0}
              data-autofocus
            >
              <option value="">
                {units.loading
                  ? t('common.loading')
                  : available.length === 0
                    ? t('admin.memberships.allUnits')
                    : t('admin.memberships.chooseUnit')}
              </option>
              {available.map(({ unit, depth }) => (
                <option key={unit.id} value={unit.id}>
                  {indentedUnitName(unit, depth)}
                </option>
              ))}
            </select>
            {unitError && (
              <p id={`${id}-unit-error`} className="field__error">
                {unitError}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${id}-role`}>{t('admin.memberships.role')}</label>
            <select
              id={`${id}-role`}
              value={role}
              onChange={(event) => setRole(event.target.value as MembershipRole)}
            >
              {Object.values(MembershipRole).map((value) => (
                <option key={value} value={value}>
                  {t(`adminEnums.membershipRole.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--button">
            <button
              type="submit"
              className="button button--primary"
              disabled={busy || available.length === 0}
            >
              {t('admin.memberships.addSubmit')}
            </button>
          </div>
        </div>
      </form>

      <p
        className={status?.tone === 'error' ? 'field__error' : 'field__hint'}
        role="status"
        data-testid="memberships-status"
      >
        {status?.text ?? ''}
      </p>

      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('ui.close')}
        </button>
      </div>
    </Dialog>
  );
}
