import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorCode, limits, ProgrammeItemStatus, ProposalKind } from '@quorum/shared';
import { apiErrorInfo } from '../../apollo/errors';
import { describeInputError } from '../../apollo/input-error';
import { Dialog } from '../../scenes/admin/ui';
import { Alert } from '../Alert';
import { CharacterCount, lengthRefusal } from '../CharacterCount';
import { MONTHS, SETTABLE_STATUSES } from './programme-format';
import { AddProgrammeItemDocument, UpdateProgrammeItemDocument } from '../../generated/graphql';
import type { ProgrammeItemFieldsFragment, ProgrammeProposalOptionsQuery } from '../../generated/graphql';

interface Values {
  title: string;
  kind: ProposalKind;
  plannedMonth: number;
  leadUnitId: string;
  status: ProgrammeItemStatus;
  proposalId: string;
}
type Field = keyof Values;
const FIELDS: readonly Field[] = ['title', 'kind', 'plannedMonth', 'leadUnitId', 'status', 'proposalId'];
const isField = (value: string | undefined): value is Field =>
  value !== undefined && (FIELDS as readonly string[]).includes(value);

function valuesOf(
  item: ProgrammeItemFieldsFragment | undefined,
  units: readonly ProgrammeItemFieldsFragment['leadUnit'][],
): Values {
  return {
    title: item?.title ?? '',
    kind: item?.kind ?? ProposalKind.PROPOSAL,
    plannedMonth: item?.plannedMonth ?? 1,
    leadUnitId: item?.leadUnit.id ?? units[0]?.id ?? '',
    status: item?.status ?? ProgrammeItemStatus.PLANNED,
    proposalId: item?.proposal?.id ?? '',
  };
}

interface ProgrammeItemDialogProps {
  programmeId: string;
  /** The item to change; none to add one. */
  item?: ProgrammeItemFieldsFragment;
  units: readonly ProgrammeItemFieldsFragment['leadUnit'][];
  proposals: readonly ProgrammeProposalOptionsQuery['proposals']['edges'][number]['node'][];
  onClose: () => void;
  /** Someone changed the item first: read the programme again (the dialog stays, saying so). */
  onConflict: () => void;
}

/**
 * An item of the programme, added or changed by the office. A change is saved against the version the item
 * had when last read: a colleague's change in between is a CONFLICT, the programme is read again and the
 * dialog says so, keeping what was typed (saving again applies it over the new state).
 */
export function ProgrammeItemDialog({
  programmeId,
  item,
  units,
  proposals,
  onClose,
  onConflict,
}: ProgrammeItemDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [add] = useMutation(AddProgrammeItemDocument);
  const [update] = useMutation(UpdateProgrammeItemDocument);
  // What the dialog opened on: a change is what differs from it, so a field left alone is never sent back.
  const [opened, setOpened] = useState<Values>(() => valuesOf(item, units));
  const [values, setValues] = useState<Values>(opened);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  // Saved against the version the dialog opened on, not a newer one that arrived live meanwhile: a colleague's
  // change in between is refused, not overwritten unseen. After that refusal the programme is read again and
  // the next save goes over the version now shown.
  // The fields left alone then take the new values; what the person changed stays as they typed it.
  const [baseVersion, setBaseVersion] = useState(item?.version ?? 0);
  useEffect(() => {
    if (!conflict || !item || item.version === baseVersion) return;
    const fresh = valuesOf(item, units);
    setValues((current) => {
      const merged = { ...current };
      for (const field of FIELDS)
        if (current[field] === opened[field]) Object.assign(merged, { [field]: fresh[field] });
      return merged;
    });
    setOpened(fresh);
    setBaseVersion(item.version);
  }, [conflict, item, units, baseVersion, opened]);
  const adopted = item?.status === ProgrammeItemStatus.ADOPTED;
  // The item's own proposal may be one the short list does not hold.
  const proposalChoices =
    item?.proposal && !proposals.some((option) => option.id === item.proposal?.id)
      ? [item.proposal, ...proposals]
      : proposals;
  const unitChoices =
    item && !units.some((unit) => unit.id === item.leadUnit.id) ? [item.leadUnit, ...units] : units;

  const set = <K extends Field>(field: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors(({ [field]: _dropped, ...rest }) => rest);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const title = values.title.trim();
    const found: Partial<Record<Field, string>> = {};
    if (!title) found.title = t('programme.itemForm.titleRequired');
    else {
      const tooLong = lengthRefusal('title', title, limits.titleMax, t);
      if (tooLong) found.title = tooLong;
    }
    if (!values.leadUnitId) found.leadUnitId = t('programme.itemForm.leadUnitRequired');
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      if (!item) {
        await add({
          variables: {
            input: {
              programmeId,
              title,
              kind: values.kind,
              plannedMonth: values.plannedMonth,
              leadUnitId: values.leadUnitId,
              ...(values.proposalId ? { proposalId: values.proposalId } : {}),
            },
          },
        });
      } else {
        // Only what changed: an adopted item keeps its status, an unchanged field is not sent.
        await update({
          variables: {
            input: {
              itemId: item.id,
              expectedVersion: baseVersion,
              ...(title !== opened.title.trim() ? { title } : {}),
              ...(values.kind !== opened.kind ? { kind: values.kind } : {}),
              ...(values.plannedMonth !== opened.plannedMonth ? { plannedMonth: values.plannedMonth } : {}),
              ...(values.leadUnitId !== opened.leadUnitId ? { leadUnitId: values.leadUnitId } : {}),
              ...(!adopted && values.status !== opened.status ? { status: values.status } : {}),
              // None chosen for a linked item unlinks it (null).
              ...(values.proposalId !== opened.proposalId ? { proposalId: values.proposalId || null } : {}),
            },
          },
        });
      }
      setConflict(false);
      onClose();
    } catch (error) {
      const info = apiErrorInfo(error);
      if (info?.code === ErrorCode.BAD_USER_INPUT && isField(info.field))
        setErrors({ [info.field]: describeInputError(error, t) ?? t('errors.BAD_USER_INPUT') });
      else if (info?.code === ErrorCode.CONFLICT) {
        onConflict();
        setConflict(true);
        setFormError(t('programme.conflict'));
      } else setFormError(describeInputError(error, t) ?? t(`errors.${info?.code ?? 'NETWORK'}`));
    } finally {
      setBusy(false);
    }
  }

  const describedBy = (field: Field, ...extra: string[]) =>
    [errors[field] ? `${id}-${field}-error` : null, ...extra].filter(Boolean).join(' ') || undefined;
  const errorOf = (field: Field) =>
    errors[field] && (
      <p id={`${id}-${field}-error`} className="field__error">
        {errors[field]}
      </p>
    );

  return (
    <Dialog
      title={item ? t('programme.itemForm.editTitle') : t('programme.itemForm.addTitle')}
      onClose={onClose}
      testId="programme-item-dialog"
      wide
    >
      <form noValidate onSubmit={(event) => void submit(event)} data-testid="programme-item-form">
        {formError && (
          <Alert tone={conflict ? 'warning' : 'error'} testId="programme-item-error">
            {formError}
          </Alert>
        )}
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('programme.itemForm.title')}</label>
          <input
            id={`${id}-title`}
            type="text"
            value={values.title}
            onChange={(event) => set('title', event.target.value)}
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={describedBy('title', `${id}-title-count`)}
            required
            data-autofocus
          />
          <CharacterCount id={`${id}-title-count`} length={values.title.length} max={limits.titleMax} />
          {errorOf('title')}
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-month`}>{t('programme.itemForm.plannedMonth')}</label>
            <select
              id={`${id}-month`}
              value={values.plannedMonth}
              onChange={(event) => set('plannedMonth', Number(event.target.value))}
              aria-invalid={errors.plannedMonth ? true : undefined}
              aria-describedby={describedBy('plannedMonth')}
            >
              {MONTHS.map((month) => (
                <option key={month} value={month}>
                  {t('programme.charts.month', { month })}
                </option>
              ))}
            </select>
            {errorOf('plannedMonth')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('programme.itemForm.kind')}</label>
            <select
              id={`${id}-kind`}
              value={values.kind}
              onChange={(event) => set('kind', event.target.value as ProposalKind)}
              aria-invalid={errors.kind ? true : undefined}
              aria-describedby={describedBy('kind')}
            >
              {Object.values(ProposalKind).map((kind) => (
                <option key={kind} value={kind}>
                  {t(`enums.proposalKind.${kind}`)}
                </option>
              ))}
            </select>
            {errorOf('kind')}
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('programme.itemForm.leadUnit')}</label>
          <select
            id={`${id}-unit`}
            value={values.leadUnitId}
            onChange={(event) => set('leadUnitId', event.target.value)}
            aria-invalid={errors.leadUnitId ? true : undefined}
            aria-describedby={describedBy('leadUnitId')}
          >
            {!values.leadUnitId && <option value="">{t('programme.itemForm.chooseUnit')}</option>}
            {unitChoices.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
          {errorOf('leadUnitId')}
        </div>
        {item && (
          <div className="field">
            <label htmlFor={`${id}-status`}>{t('programme.itemForm.status')}</label>
            <select
              id={`${id}-status`}
              value={values.status}
              disabled={adopted}
              onChange={(event) => set('status', event.target.value as ProgrammeItemStatus)}
              aria-invalid={errors.status ? true : undefined}
              aria-describedby={describedBy('status', adopted ? `${id}-status-hint` : '')}
            >
              {(adopted ? [ProgrammeItemStatus.ADOPTED] : SETTABLE_STATUSES).map((status) => (
                <option key={status} value={status}>
                  {t(`programme.status.${status}`)}
                </option>
              ))}
            </select>
            {adopted && (
              <p id={`${id}-status-hint`} className="field__hint">
                {t('programme.itemForm.adoptedHint')}
              </p>
            )}
            {errorOf('status')}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-proposal`}>{t('programme.itemForm.proposal')}</label>
          <select
            id={`${id}-proposal`}
            value={values.proposalId}
            onChange={(event) => set('proposalId', event.target.value)}
            aria-invalid={errors.proposalId ? true : undefined}
            aria-describedby={describedBy('proposalId')}
          >
            <option value="">
              {item?.proposal ? t('programme.itemForm.unlinkProposal') : t('programme.itemForm.noProposal')}
            </option>
            {proposalChoices.map((proposal) => (
              <option key={proposal.id} value={proposal.id}>
                {proposal.referenceNumber
                  ? `${proposal.referenceNumber} · ${proposal.title}`
                  : proposal.title}
              </option>
            ))}
          </select>
          {errorOf('proposalId')}
        </div>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('common.saving') : item ? t('common.save') : t('programme.itemForm.add')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
