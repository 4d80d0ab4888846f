import { useId, useMemo, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { PersonSelect } from '../PersonSelect';
import { useActionRunner } from '../meeting/useActionRunner';
import {
  AppraisalReviewerCandidatesDocument,
  AssignAppraisalReviewerDocument,
} from '../../generated/graphql';
import type { AppraisalAssignmentFieldsFragment } from '../../generated/graphql';

/** The unit head or the office names (or changes) who reviews for a unit asked, among its active members. */
export function AssignReviewerForm({
  assignment,
  onChanged,
}: {
  assignment: AppraisalAssignmentFieldsFragment;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [reviewerId, setReviewerId] = useState(assignment.reviewer?.id ?? '');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const { busy, error, run } = useActionRunner();
  const { data } = useQuery(AppraisalReviewerCandidatesDocument);
  const [assign] = useMutation(AssignAppraisalReviewerDocument);
  const unitId = assignment.unit.id;
  const members = useMemo(
    () =>
      (data?.users.edges.map((edge) => edge.node) ?? [])
        .filter((person) => person.active && person.memberships.some((m) => m.unit.id === unitId))
        .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')),
    [data, unitId],
  );
  const unit = assignment.unit.shortName ?? assignment.unit.name;

  return (
    <form
      className="inline-form"
      data-testid="assign-reviewer-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!reviewerId) {
          setFieldError(t('proposals.assignReviewer.required'));
          return;
        }
        setFieldError(undefined);
        setStatus('');
        void run(async () => {
          await assign({ variables: { input: { assignmentId: assignment.id, reviewerId } } });
          const name = members.find((person) => person.id === reviewerId)?.fullName ?? '';
          setStatus(t('proposals.assignReviewer.done', { name, unit }));
          onChanged();
        });
      }}
    >
      <PersonSelect
        id={`${id}-reviewer`}
        label={t('proposals.assignReviewer.label', { unit })}
        value={reviewerId}
        people={members}
        onChange={setReviewerId}
        error={fieldError}
      />
      <button type="submit" className="button button--small" disabled={busy}>
        {t('proposals.assignReviewer.submit')}
      </button>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <span className="visually-hidden" role="status">
        {status}
      </span>
    </form>
  );
}
