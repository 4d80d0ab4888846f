import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorCode, UnitKind, limits } from '@quorum/shared';
import { apiErrorInfo } from '../../apollo/errors';
import { Alert } from '../../components/Alert';
import { indentedUnitName, subtreeIds } from './unit-tree';
import { useDirectoryUnits } from './useDirectoryUnits';
import { Dialog, errorText } from './ui';
import { CreateUnitDocument, DirectoryUnitsDocument, UpdateUnitDocument } from '../../generated/graphql';
import type { DirectoryUnitFieldsFragment } from '../../generated/graphql';

type Field = 'name' | 'shortName' | 'kind' | 'parentId';
type FieldErrors = Partial<Record<Field, string>>;
const FIELDS: readonly string[] = ['name', 'shortName', 'kind', 'parentId'];

const SHORT_NAME_MAX = 50;

interface UnitFormDialogProps {
  /** The unit to edit; null to create one. */
  unit: DirectoryUnitFieldsFragment | null;
  onClose: () => void;
  onSaved: (message: string) => void;
}

export function UnitFormDialog({ unit, onClose, onSaved }: UnitFormDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const units = useDirectoryUnits();
  const [createUnit, { loading: creating }] = useMutation(CreateUnitDocument, {
    refetchQueries: [DirectoryUnitsDocument],
  });
  const [updateUnit, { loading: updating }] = useMutation(UpdateUnitDocument);
  const [name, setName] = useState(unit?.name ?? '');
  const [shortName, setShortName] = useState(unit?.shortName ?? '');
  const [kind, setKind] = useState<UnitKind>(unit?.kind ?? UnitKind.DEPARTMENT);
  const [parentId, setParentId] = useState(unit?.parent?.id ?? '');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  // A unit cannot go under itself or under anything below it.
  const excluded = useMemo(
    () => (unit ? subtreeIds(units.tree, unit.id) : new Set<string>()),
    [units.tree, unit],
  );
  const parents = units.flat.filter(({ unit: candidate }) => !excluded.has(candidate.id));

  function validate(): FieldErrors {
    const errors: FieldErrors = {};
    if (!name.trim()) errors.name = t('admin.units.errors.nameRequired');
    else if (name.trim().length > limits.titleMax)
      errors.name = t('admin.units.errors.nameTooLong', { max: limits.titleMax });
    if (shortName.trim().length > SHORT_NAME_MAX)
      errors.shortName = t('admin.units.errors.shortNameTooLong', { max: SHORT_NAME_MAX });
    if (parentId && excluded.has(parentId)) errors.parentId = t('admin.units.errors.parentInvalid');
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
    const input = {
      name: name.trim(),
      shortName: shortName.trim() || null,
      kind,
      parentId: parentId || null,
    };
    try {
      if (unit) {
        await updateUnit({ variables: { input: { id: unit.id, ...input } } });
        onSaved(t('admin.units.updated', { name: input.name }));
      } else {
        await createUnit({ variables: { input } });
        onSaved(t('admin.units.created', { name: input.name }));
      }
      onClose();
    } catch (err) {
      const info = apiErrorInfo(err);
      if (info?.code === ErrorCode.BAD_USER_INPUT && info.field && FIELDS.includes(info.field)) {
        const field = info.field as Field;
        setFieldErrors({
          [field]: field === 'parentId' ? t('admin.units.errors.parentInvalid') : t('errors.BAD_USER_INPUT'),
        });
        document.getElementById(`${id}-${field}`)?.focus();
      } else {
        setFormError(errorText(t, err));
      }
    }
  }

  const describedBy = (field: Field) => (fieldErrors[field] ? `${id}-${field}-error` : undefined);
  const error = (field: Field) =>
    fieldErrors[field] && (
      <p id={`${id}-${field}-error`} className="field__error">
        {fieldErrors[field]}
      </p>
    );
  const busy = creating || updating;

  return (
    <Dialog
      title={unit ? t('admin.units.editTitle', { name: unit.name }) : t('admin.units.createTitle')}
      onClose={onClose}
      testId="unit-dialog"
    >
      <form noValidate onSubmit={(event) => void onSubmit(event)} data-testid="unit-form">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('admin.units.name')}</label>
          <input
            id={`${id}-name`}
            type="text"
            value={name}
            maxLength={limits.titleMax}
            placeholder={t('admin.units.namePlaceholder')}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={fieldErrors.name ? true : undefined}
            aria-describedby={describedBy('name')}
            required
            data-autofocus
          />
          {error('name')}
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-shortName`}>
              {t('admin.units.shortName')}{' '}
              <span className="field__optional">{t('admin.invite.optional')}</span>
            </label>
            <input
              id={`${id}-shortName`}
              type="text"
              value={shortName}
              maxLength={SHORT_NAME_MAX}
              placeholder={t('admin.units.shortNamePlaceholder')}
              onChange={(event) => setShortName(event.target.value)}
              aria-invalid={fieldErrors.shortName ? true : undefined}
              aria-describedby={describedBy('shortName')}
            />
            {error('shortName')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('admin.units.kind')}</label>
            <select
              id={`${id}-kind`}
              value={kind}
              onChange={(event) => setKind(event.target.value as UnitKind)}
              aria-describedby={describedBy('kind')}
            >
              {Object.values(UnitKind).map((value) => (
                <option key={value} value={value}>
                  {t(`enums.unitKind.${value}`)}
                </option>
              ))}
            </select>
            {error('kind')}
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-parentId`}>{t('admin.units.parent')}</label>
          <select
            id={`${id}-parentId`}
            value={parentId}
            onChange={(event) => setParentId(event.target.value)}
            aria-invalid={fieldErrors.parentId ? true : undefined}
            aria-describedby={describedBy('parentId')}
          >
            <option value="">{t('admin.units.noParent')}</option>
            {parents.map(({ unit: candidate, depth }) => (
              <option key={candidate.id} value={candidate.id}>
                {indentedUnitName(candidate, depth)}
              </option>
            ))}
          </select>
          {error('parentId')}
        </div>
        {formError && <Alert tone="error">{formError}</Alert>}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('common.saving') : unit ? t('admin.units.submitEdit') : t('admin.units.submitCreate')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
