import { useId, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { apiErrorInfo } from '../../apollo/errors';
import {
  CREATE_VERSION_MUTATION,
  PROPOSAL_VERSIONS_QUERY,
  RESTORE_VERSION_MUTATION,
  VERSION_DIFF_QUERY,
} from '../../apollo/proposal-versions.operations';
import type { DocumentVersionRow } from '../../apollo/proposal-versions.operations';
import { useFormatDateTime } from '../../hooks/useFormat';
import { Alert } from '../Alert';
import { LoadingState } from '../LoadState';
import { useActionRunner } from '../meeting/useActionRunner';

const CURRENT = '';
const LABEL_MAX = 200;

/** A version's name: one taken at a status change is named after the status, said in words. */
function versionName(version: DocumentVersionRow, t: TFunction): string {
  return version.kind === 'STATUS_CHANGE'
    ? t(`enums.proposalStatus.${version.label}`, { defaultValue: version.label })
    : version.label;
}

/** What changed between two versions (or a version and the body now), word by word: added and removed marked. */
function VersionDiff({ fromId, toId }: { fromId: string; toId: string }) {
  const { t } = useTranslation();
  const { data, error, loading } = useQuery(VERSION_DIFF_QUERY, {
    variables: { fromId, toId: toId || null },
    fetchPolicy: 'network-only',
  });
  if (loading && !data) return <LoadingState />;
  if (error) return <Alert tone="error">{t(`errors.${apiErrorInfo(error)?.code ?? 'NETWORK'}`)}</Alert>;
  const diff = data?.documentVersionDiff;
  if (!diff) return <Alert tone="warning">{t('proposals.versions.diffUnavailable')}</Alert>;
  return (
    <div data-testid="version-diff">
      <p className="admin-table__muted" data-testid="version-diff-summary">
        {t('proposals.versions.diffSummary', { added: diff.added, removed: diff.removed })}
      </p>
      {diff.added === 0 && diff.removed === 0 ? (
        <p>{t('proposals.versions.same')}</p>
      ) : (
        <div className="version-diff" data-testid="version-diff-text">
          {diff.parts.map((part, index) =>
            part.kind === 'ADDED' ? (
              <ins key={index} className="version-diff__added" data-testid="diff-added">
                <span className="visually-hidden">{t('proposals.versions.addedMark')}</span>
                {part.text}
              </ins>
            ) : part.kind === 'REMOVED' ? (
              <del key={index} className="version-diff__removed" data-testid="diff-removed">
                <span className="visually-hidden">{t('proposals.versions.removedMark')}</span>
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

/** Restores a version after the person confirms it; the server keeps the body as it was as a restore point. */
function RestoreButton({
  version,
  expectedVersion,
  onRestored,
}: {
  version: DocumentVersionRow;
  expectedVersion: number;
  onRestored: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useActionRunner();
  const [restore] = useMutation(RESTORE_VERSION_MUTATION);
  if (!confirming)
    return (
      <button
        type="button"
        className="button button--small"
        onClick={() => setConfirming(true)}
        data-testid="restore-version"
      >
        {t('proposals.versions.restore')}
      </button>
    );
  return (
    <span className="cell-stack" role="group" aria-label={t('proposals.versions.restore')}>
      <span>{t('proposals.versions.restoreConfirm', { label: versionName(version, t) })}</span>
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
          {t('proposals.versions.restoreYes')}
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

/** The body's saved versions: save one with a label, compare two (or one and the body now), restore one. */
export function ProposalVersions({ proposalId, onChanged }: { proposalId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const formatDateTime = useFormatDateTime();
  const { data, error, loading, refetch } = useQuery(PROPOSAL_VERSIONS_QUERY, {
    variables: { id: proposalId },
    fetchPolicy: 'cache-and-network',
  });
  const [label, setLabel] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [compare, setCompare] = useState<{ fromId: string; toId: string } | null>(null);
  const [fromId, setFromId] = useState('');
  const [toId, setToId] = useState(CURRENT);
  const action = useActionRunner();
  const [createVersion] = useMutation(CREATE_VERSION_MUTATION);

  const proposal = data?.proposal;
  if (loading && !proposal) return <LoadingState />;
  if (!proposal)
    return (
      <Alert tone="error">
        {t('proposals.versions.loadError')} {t(`errors.${apiErrorInfo(error)?.code ?? 'NETWORK'}`)}
      </Alert>
    );
  const versions = proposal.versions.edges.map((edge) => edge.node);
  const from = fromId || versions[0]?.id || '';
  const reload = () => {
    void refetch().catch(() => undefined);
    onChanged();
  };

  return (
    <section aria-labelledby={`${id}-heading`} data-testid="proposal-versions">
      <h2 id={`${id}-heading`} className="panel__title">
        {t('proposals.versions.heading')}
      </h2>
      {proposal.viewerCan.createVersion && (
        <form
          className="inline-form"
          data-testid="create-version-form"
          onSubmit={(event) => {
            event.preventDefault();
            const text = label.trim();
            if (!text) {
              setFieldError(t('proposals.versions.labelRequired'));
              return;
            }
            setFieldError(null);
            void action.run(async () => {
              await createVersion({ variables: { input: { proposalId, label: text } } });
              setLabel('');
              reload();
            });
          }}
        >
          <label htmlFor={`${id}-label`}>{t('proposals.versions.label')}</label>
          <input
            id={`${id}-label`}
            value={label}
            maxLength={LABEL_MAX}
            onChange={(event) => setLabel(event.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${id}-label-error` : undefined}
          />
          <button type="submit" className="button button--small button--primary" disabled={action.busy}>
            {t('proposals.versions.create')}
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
          {t('proposals.versions.empty')}
        </p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="meetings-table" data-testid="versions-table">
              <caption className="visually-hidden">{t('proposals.versions.heading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('proposals.versions.label')}</th>
                  <th scope="col">{t('proposals.versions.kind')}</th>
                  <th scope="col">{t('proposals.versions.author')}</th>
                  <th scope="col">{t('proposals.versions.createdAt')}</th>
                  {proposal.viewerCan.restoreVersion && (
                    <th scope="col">
                      <span className="visually-hidden">{t('proposals.versions.restore')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {versions.map((version) => (
                  <tr key={version.id} data-testid="version-row" data-version-id={version.id}>
                    <td>{versionName(version, t)}</td>
                    <td>{t(`proposals.versions.kinds.${version.kind}`)}</td>
                    <td>{version.author.fullName}</td>
                    <td>{formatDateTime(version.createdAt)}</td>
                    {proposal.viewerCan.restoreVersion && (
                      <td>
                        <RestoreButton
                          version={version}
                          expectedVersion={proposal.version}
                          onRestored={reload}
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
            <label htmlFor={`${id}-from`}>{t('proposals.versions.from')}</label>
            <select id={`${id}-from`} value={from} onChange={(event) => setFromId(event.target.value)}>
              {versions.map((version) => (
                <option key={version.id} value={version.id}>
                  {versionName(version, t)}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-to`}>{t('proposals.versions.to')}</label>
            <select id={`${id}-to`} value={toId} onChange={(event) => setToId(event.target.value)}>
              <option value={CURRENT}>{t('proposals.versions.current')}</option>
              {versions.map((version) => (
                <option key={version.id} value={version.id}>
                  {versionName(version, t)}
                </option>
              ))}
            </select>
            <button type="submit" className="button button--small">
              {t('proposals.versions.compare')}
            </button>
          </form>
          {compare && <VersionDiff key={`${compare.fromId}:${compare.toId}`} {...compare} />}
        </>
      )}
    </section>
  );
}
