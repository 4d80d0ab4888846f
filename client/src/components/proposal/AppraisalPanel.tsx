import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import {
  AppraisalStatus,
  givenVerdicts,
  ProposalStatus,
  type Verdict,
  verdictNeedsSummary,
} from '@quorum/shared';
import { useFormatDateTime } from '../../hooks/useFormat';
import { useActionRunner } from '../meeting/useActionRunner';
import { downloadAppraisalReport } from './report-download';
import { AssignReviewerForm } from './AssignReviewerForm';
import { RequestAppraisalForm } from './RequestAppraisalForm';
import { CloseAppraisalDocument, SubmitAppraisalVerdictDocument } from '../../generated/graphql';
import type {
  AppraisalAssignmentFieldsFragment,
  AppraisalFieldsFragment,
  ProposalFieldsFragment,
  UnitFieldsFragment,
} from '../../generated/graphql';

function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  return (
    <span
      className={`badge badge--verdict-${verdict.toLowerCase()}`}
      data-testid="verdict"
      data-verdict={verdict}
    >
      {t(`proposals.verdict.${verdict}`)}
    </span>
  );
}

/** A member of the unit asked gives the unit's verdict, once: asking for changes or disagreeing says what and why. */
function VerdictForm({
  assignment,
  onChanged,
}: {
  assignment: AppraisalAssignmentFieldsFragment;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [summary, setSummary] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const { busy, error, run } = useActionRunner();
  const [submit] = useMutation(SubmitAppraisalVerdictDocument);

  return (
    <form
      className="verdict-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!verdict) {
          setFieldError(t('proposals.verdictForm.verdictRequired'));
          return;
        }
        if (verdictNeedsSummary(verdict) && !summary.trim()) {
          setFieldError(t('proposals.verdictForm.summaryRequired'));
          return;
        }
        setFieldError(null);
        void run(async () => {
          await submit({
            variables: {
              input: {
                assignmentId: assignment.id,
                verdict,
                ...(summary.trim() ? { summary: summary.trim() } : {}),
              },
            },
          });
          onChanged();
        });
      }}
      data-testid="verdict-form"
    >
      <fieldset>
        <legend>
          {t('proposals.verdictForm.heading', { unit: assignment.unit.shortName ?? assignment.unit.name })}
        </legend>
        {givenVerdicts.map((value) => (
          <label key={value} className="checkbox">
            <input
              type="radio"
              name={`${id}-verdict`}
              value={value}
              checked={verdict === value}
              onChange={() => setVerdict(value)}
            />{' '}
            {t(`proposals.verdict.${value}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-summary`}>
          {t('proposals.verdictForm.summary')}{' '}
          {!(verdict && verdictNeedsSummary(verdict)) && (
            <span className="field__optional">{t('proposals.form.optional')}</span>
          )}
        </label>
        <textarea
          id={`${id}-summary`}
          rows={4}
          value={summary}
          onChange={(event) => setSummary(event.target.value)}
          aria-describedby={fieldError ? `${id}-error` : undefined}
        />
      </div>
      {fieldError && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {fieldError}
        </p>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <p className="field__hint">{t('proposals.verdictForm.once')}</p>
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('proposals.verdictForm.submit')}
      </button>
    </form>
  );
}

function RoundCard({ round, onChanged }: { round: AppraisalFieldsFragment; onChanged: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const formatDateTime = useFormatDateTime();
  const { busy, error, run, setError } = useActionRunner();
  const [closeAppraisal] = useMutation(CloseAppraisalDocument);
  const [confirmClose, setConfirmClose] = useState(false);
  const open = round.status === AppraisalStatus.OPEN;
  const { report } = round;

  return (
    <article
      className="panel appraisal-round"
      aria-labelledby={`${id}-title`}
      data-testid="appraisal-round"
      data-appraisal-id={round.id}
    >
      <header className="appraisal-round__head">
        <h3 id={`${id}-title`} className="panel__title">
          {t('proposals.appraisal.round', { date: formatDateTime(round.createdAt) })}
        </h3>
        <span
          className={open ? 'badge badge--proposal-in_appraisal' : 'badge'}
          data-testid="appraisal-status"
        >
          {open ? t('proposals.appraisal.open') : t('proposals.appraisal.closed')}
        </span>
        {round.overdue && <span className="badge badge--overdue">{t('proposals.appraisal.overdue')}</span>}
      </header>
      <dl className="facts">
        <div>
          <dt>{t('proposals.appraisal.dueAt')}</dt>
          <dd>{formatDateTime(round.dueAt)}</dd>
        </div>
        <div>
          <dt>{t('proposals.appraisal.requestedBy')}</dt>
          <dd>{round.requestedBy.fullName}</dd>
        </div>
        {round.closedAt && (
          <div>
            <dt>{t('proposals.appraisal.closedAt')}</dt>
            <dd>{formatDateTime(round.closedAt)}</dd>
          </div>
        )}
        {round.note && (
          <div className="facts__wide">
            <dt>{t('proposals.appraisal.note')}</dt>
            <dd>{round.note}</dd>
          </div>
        )}
      </dl>
      {!round.sharedComments && <p className="field__hint">{t('proposals.appraisal.notShared')}</p>}
      <div className="table-wrap">
        <table className="admin-table appraisal-table">
          <caption className="visually-hidden">{t('proposals.appraisal.units')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('proposals.appraisal.unit')}</th>
              <th scope="col">{t('proposals.appraisal.reviewer')}</th>
              <th scope="col">{t('proposals.appraisal.verdict')}</th>
              <th scope="col">{t('proposals.appraisal.answeredAt')}</th>
            </tr>
          </thead>
          <tbody>
            {round.assignments.map((assignment) => (
              <tr
                key={assignment.id}
                data-testid="appraisal-assignment"
                data-unit={assignment.unit.shortName ?? assignment.unit.name}
              >
                <th scope="row">{assignment.unit.name}</th>
                <td>
                  {assignment.reviewer?.fullName ?? (
                    <span className="admin-table__muted">{t('common.none')}</span>
                  )}
                </td>
                <td>
                  <span className="cell-stack">
                    <VerdictBadge verdict={assignment.verdict} />
                    {assignment.overdue && (
                      <span className="badge badge--overdue" data-testid="assignment-overdue">
                        {t('proposals.appraisal.overdue')}
                      </span>
                    )}
                    {assignment.summary && (
                      <span className="appraisal-table__summary">{assignment.summary}</span>
                    )}
                  </span>
                </td>
                <td className="cell-nowrap">
                  {assignment.submittedAt ? formatDateTime(assignment.submittedAt) : t('common.none')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {round.assignments
        .filter((assignment) => assignment.viewerCan.assignReviewer)
        .map((assignment) => (
          <AssignReviewerForm key={assignment.id} assignment={assignment} onChanged={onChanged} />
        ))}
      {round.assignments
        .filter((assignment) => assignment.viewerCan.submitVerdict)
        .map((assignment) => (
          <VerdictForm key={assignment.id} assignment={assignment} onChanged={onChanged} />
        ))}
      <section
        className="appraisal-report"
        aria-label={t('proposals.report.heading')}
        data-testid="appraisal-report"
      >
        <h4 className="appraisal-report__title">{t('proposals.report.heading')}</h4>
        <ul className="appraisal-report__counts">
          <li>{t('proposals.report.agree', { count: report.agree })}</li>
          <li>{t('proposals.report.agreeWithChanges', { count: report.agreeWithChanges })}</li>
          <li>{t('proposals.report.disagree', { count: report.disagree })}</li>
          <li>{t('proposals.report.pending', { count: report.pending })}</li>
          <li>
            {t('proposals.report.comments', { open: report.openComments, resolved: report.resolvedComments })}
          </li>
        </ul>
        {report.overdueUnits.length > 0 && (
          <p className="field__error">
            {t('proposals.report.overdueUnits', {
              units: report.overdueUnits.map((unit) => unit.shortName ?? unit.name).join(', '),
            })}
          </p>
        )}
      </section>
      <div className="inline-form__actions">
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          onClick={() => {
            setError(null);
            downloadAppraisalReport(round.id).catch(() => setError(t('proposals.report.downloadFailed')));
          }}
          data-testid="appraisal-report-pdf"
        >
          {t('proposals.report.pdf')}
        </button>
        {round.viewerCan.close && (
          <>
            <button
              type="button"
              className="button button--small button--danger"
              disabled={busy}
              onClick={() => {
                if (!confirmClose) {
                  setConfirmClose(true);
                  return;
                }
                void run(async () => {
                  await closeAppraisal({ variables: { input: { appraisalId: round.id } } });
                  setConfirmClose(false);
                  onChanged();
                });
              }}
              data-testid="close-appraisal"
            >
              {confirmClose ? t('proposals.appraisal.closeConfirm') : t('proposals.appraisal.close')}
            </button>
            {confirmClose && (
              <button
                type="button"
                className="button button--small button--ghost"
                onClick={() => setConfirmClose(false)}
              >
                {t('common.cancel')}
              </button>
            )}
          </>
        )}
      </div>
      {confirmClose && (
        <p className="meeting-header__confirm" role="status">
          {t('proposals.appraisal.closeHint')}
        </p>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}

interface AppraisalPanelProps {
  proposal: ProposalFieldsFragment;
  units: readonly UnitFieldsFragment[];
  requesting: boolean;
  onRequesting: (open: boolean) => void;
  onChanged: () => void;
}

/** Each round: the units asked, their reviewers, verdicts and deadlines, the report; what the viewer may do in it. */
export function AppraisalPanel({
  proposal,
  units,
  requesting,
  onRequesting,
  onChanged,
}: AppraisalPanelProps) {
  const { t } = useTranslation();
  const rounds = [...proposal.appraisals.edges.map((edge) => edge.node)].sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  );
  const mayRequest = proposal.viewerCan.transitions.includes(ProposalStatus.IN_APPRAISAL);

  return (
    <div className="appraisal-panel" data-testid="appraisal-panel">
      {mayRequest &&
        (requesting ? (
          <RequestAppraisalForm
            proposal={proposal}
            units={units}
            onDone={() => {
              onRequesting(false);
              onChanged();
            }}
            onCancel={() => onRequesting(false)}
          />
        ) : (
          <p>
            <button
              type="button"
              className="button button--primary"
              onClick={() => onRequesting(true)}
              data-testid="request-appraisal"
            >
              {t('proposals.transitions.to.IN_APPRAISAL')}
            </button>
          </p>
        ))}
      {rounds.length === 0 ? (
        <p className="placeholder placeholder--empty" data-testid="appraisal-empty">
          {t('proposals.appraisal.none')}
        </p>
      ) : (
        rounds.map((round) => <RoundCard key={round.id} round={round} onChanged={onChanged} />)
      )}
    </div>
  );
}
