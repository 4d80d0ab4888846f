import { useId, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { apiErrorInfo } from '../../apollo/errors';
import type { VersionSubject } from '../../apollo/document-versions.operations';
import { useFormatDateTime } from '../../hooks/useFormat';
import { Alert } from '../Alert';
import { LoadingState } from '../LoadState';
import { useActionRunner } from '../meeting/useActionRunner';
import {
  CreateDocumentVersionDocument,
  DocumentVersionDiffDocument,
  RestoreDocumentVersionDocument,
} from '../../generated/graphql';
import type { DocumentVersionRowFragment } from '../../generated/graphql';
import './document-versions.css';

const CURRENT = '';
const LABEL_MAX = 200;

/**
 * What differs between the subjects: the words of their own (`<words>.heading`, `.current`, `.restoreConfirm`)
 * and the statuses their STATUS_CHANGE versions are named after (`enums.<statuses>`).
 */
export interface VersionsOf {
  words: 'proposals.versions' | 'minutes.versions';
  statuses: 'proposalStatus' | 'meetingStatus';
}

/** A version's name: one taken at a status change is named after the status, said in words. */
function versionName(version: DocumentVersionRowFragment, of: VersionsOf, t: TFunction): string {
  return version.kind === 'STATUS_CHANGE'
    ? t(`enums.${of.statuses}.${version.label}`, { defaultValue: version.label })
    : version.label;
}

/** What changed between two versions (or a version and the document now), word by word: added and removed marked. */
function VersionDiff({ fromId, toId }: { fromId: string; toId: string }) {
  const { t } = useTranslation();
  const { data, error, loading } = useQuery(DocumentVersionDiffDocument, {
    variables: { fromId, toId: toId || null },
    fetchPolicy: 'network-only',
  });
  if (loading && !data) return <LoadingState />;
  if (error) return <Alert tone="error">{t(`errors.${apiErrorInfo(error)?.code ?? 'NETWORK'}`)}</Alert>;
  const diff = data?.documentVersionDiff;
  if (!diff) return <Alert tone="warning">{t('versions.diffUnavailable')}</Alert>;
  return (
    <div data-testid="version-diff">
      <p className="admin-table__muted" data-testid="version-diff-summary">
        {t('versions.diffSummary', { added: diff.added, removed: diff.removed })}
      </p>
      {diff.added === 0 && diff.removed === 0 ? (
        <p>{t('versions.same')}</p>
      ) : (
        <div className="version-diff" data-testid="version-diff-text">
          {diff.parts.map((part, index) =>
            part.kind === 'ADDED' ? (
              <ins key={index} className="version-diff__added" data-testid="diff-added">
                <span className="visually-hidden">{t('versions.addedMark')}</span>
                {part.text}
              </ins>
            ) : part.kind === 'REMOVED' ? (
              <del key={index} className="version-diff__removed" data-testid="diff-removed">
                <span className="visually-hidden">{t('versions.removedMark')}</span>
                {part.text}
              </del>
            ) : (
              <span key={index}>{part.text}</span>
            ),
          )}
        </div>
      )}
    </div>
  );
}

/** Restores a version after the person confirms it; the server keeps the document as it was as a restore point. */
function RestoreButton({
  version,
  of,
  expectedVersion,
  onRestored,
}: {
  version: DocumentVersionRowFragment;
  of: VersionsOf;
  expectedVersion: number | undefined;
  onRestored: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useActionRunner();
  const [restore] = useMutation(RestoreDocumentVersionDocument);
  if (!confirming)
    return (
      <button
        type="button"
        className="button button--small"
        onClick={() => setConfirming(true)}
        data-testid="restore-version"
      >
        {t('versions.restore')}
      </button>
    );
  return (
    <span className="cell-stack" role="group" aria-label={t('versions.restore')}>
      <span>{t(`${of.words}.restoreConfirm`, { label: versionName(version, of, t) })}</span>
      <span className="inline-form__actions">
        <button
          type="button"
          className="button button--small button--danger"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              await restore({ variables: { input: { versionId: version.id, expectedVersion } } });
              setConfirming(false);
              onRestored();
            })
          }
          data-testid="restore-version-confirm"
        >
          {t('versions.restoreYes')}
        </button>
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => setConfirming(false)}
        >
          {t('common.cancel')}
        </button>
      </span>
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

export interface DocumentVersionsProps {
  /** What the versions are of, as `createDocumentVersion` takes it. */
  subject: VersionSubject;
  of: VersionsOf;
  /** The subject's list query: its versions, newest first (null until loaded, or when it failed). */
  list: { versions: DocumentVersionRowFragment[] | null; loading: boolean; error?: unknown };
  /** What the viewer may do, as the server says: keep a version, restore one. */
  can: { keep: boolean; restore: boolean };
  /** The subject's version as the page shows it (a stale one is refused, CONFLICT); none for the minutes. */
  expectedVersion?: number;
  /** After a version is kept or restored: the caller reloads its list and what depends on the text. */
  onChanged: () => void;
  testId: string;
}

/**
 * The saved versions of a co-edited document, a proposal's draft or a meeting's minutes: save one with a label,
 * compare two (or one and the document now), restore one. Keeping and restoring are offered only to whom the
 * server lets do them.
 */
export function DocumentVersions({
  subject,
  of,
  list,
  can,
  expectedVersion,
  onChanged,
  testId,
}: DocumentVersionsProps) {
  const { t } = useTranslation();
  const id = useId();
  const formatDateTime = useFormatDateTime();
  const [label, setLabel] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [compare, setCompare] = useState<{ fromId: string; toId: string } | null>(null);
  const [fromId, setFromId] = useState('');
  const [toId, setToId] = useState(CURRENT);
  const action = useActionRunner();
  const [createVersion] = useMutation(CreateDocumentVersionDocument);

  if (list.loading && !list.versions) return <LoadingState />;
  if (!list.versions)
    return (
      <Alert tone="error">
        {t('versions.loadError')} {t(`errors.${apiErrorInfo(list.error)?.code ?? 'NETWORK'}`)}
      </Alert>
    );
  const versions = list.versions;
  const from = fromId || versions[0]?.id || '';
  const name = (version: DocumentVersionRowFragment) => versionName(version, of, t);

  return (
    <section aria-labelledby={`${id}-heading`} data-testid={testId}>
      <h2 id={`${id}-heading`} className="panel__title">
        {t(`${of.words}.heading`)}
      </h2>
      {can.keep && (
        <form
          className="inline-form"
          data-testid="create-version-form"
          onSubmit={(event) => {
            event.preventDefault();
            const text = label.trim();
            if (!text) {
              setFieldError(t('versions.labelRequired'));
              return;
            }
            setFieldError(null);
            void action.run(async () => {
              await createVersion({ variables: { input: { ...subject, label: text } } });
              setLabel('');
              onChanged();
            });
          }}
        >
          <label htmlFor={`${id}-label`}>{t('versions.label')}</label>
          <input
            id={`${id}-label`}
            value={label}
            maxLength={LABEL_MAX}
            onChange={(event) => setLabel(event.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${id}-label-error` : undefined}
          />
          <button type="submit" className="button button--small button--primary" disabled={action.busy}>
            {t('versions.create')}
          </button>
          {fieldError && (
            <p id={`${id}-label-error`} className="field__error">
              {fieldError}
            </p>
          )}
          {action.error && (
            <p className="field__error" role="alert">
              {action.error}
            </p>
          )}
        </form>
      )}
      {versions.length === 0 ? (
        <p className="placeholder__hint" data-testid="versions-empty">
          {t('versions.empty')}
        </p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="meetings-table" data-testid="versions-table">
              <caption className="visually-hidden">{t(`${of.words}.heading`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('versions.label')}</th>
                  <th scope="col">{t('versions.kind')}</th>
                  <th scope="col">{t('versions.author')}</th>
                  <th scope="col">{t('versions.createdAt')}</th>
                  {can.restore && (
                    <th scope="col">
                      <span className="visually-hidden">{t('versions.restore')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {versions.map((version) => (
                  <tr key={version.id} data-testid="version-row" data-version-id={version.id}>
                    <td>{name(version)}</td>
                    <td>{t(`versions.kinds.${version.kind}`)}</td>
                    <td>{version.author.fullName}</td>
                    <td>{formatDateTime(version.createdAt)}</td>
                    {can.restore && (
                      <td>
                        <RestoreButton
                          version={version}
                          of={of}
                          expectedVersion={expectedVersion}
                          onRestored={onChanged}
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <form
            className="inline-form"
            data-testid="compare-versions-form"
            onSubmit={(event) => {
              event.preventDefault();
              setCompare({ fromId: from, toId });
            }}
          >
            <label htmlFor={`${id}-from`}>{t('versions.from')}</label>
            <select id={`${id}-from`} value={from} onChange={(event) => setFromId(event.target.value)}>
              {versions.map((version) => (
                <option key={version.id} value={version.id}>
                  {name(version)}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-to`}>{t('versions.to')}</label>
            <select id={`${id}-to`} value={toId} onChange={(event) => setToId(event.target.value)}>
              <option value={CURRENT}>{t(`${of.words}.current`)}</option>
              {versions.map((version) => (
                <option key={version.id} value={version.id}>
                  {name(version)}
                </option>
              ))}
            </select>
            <button type="submit" className="button button--small">
              {t('versions.compare')}
            </button>
          </form>
          {compare && <VersionDiff key={`${compare.fromId}:${compare.toId}`} {...compare} />}
        </>
      )}
    </section>
  );
}
