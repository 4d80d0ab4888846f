// Naming a unit's reviewer for an appraisal assignment, chosen among the unit's active members.
import type { TypedDocumentNode } from '@apollo/client';
import { gql } from '@apollo/client';
import { APPRAISAL_ASSIGNMENT_FIELDS } from './proposal.operations';
import type { AppraisalAssignment } from './proposal.types';

export interface MemberRow {
  id: string;
  fullName: string;
  jobTitle: string | null;
  active: boolean;
  memberships: Array<{ id: string; unit: { id: string } }>;
}

/** The people with their units; the form keeps the members of the unit asked. */
export const UNIT_MEMBERS_QUERY: TypedDocumentNode<
  { users: { edges: Array<{ node: MemberRow }> } },
  Record<string, never>
> = gql`
  query AppraisalReviewerCandidates {
    users(first: 100, filter: { mayTakePart: true }) {
      edges {
        node {
          id
          fullName
          jobTitle
          active
          memberships {
            id
            unit {
              id
            }
          }
        }
      }
    }
  }
`;

export const ASSIGN_APPRAISAL_REVIEWER_MUTATION: TypedDocumentNode<
  { assignAppraisalReviewer: { assignment: AppraisalAssignment } },
  { input: { assignmentId: string; reviewerId: string } }
> = gql`
  mutation AssignAppraisalReviewer($input: AssignAppraisalReviewerInput!) {
    assignAppraisalReviewer(input: $input) {
      assignment {
        ...AppraisalAssignmentFields
      }
    }
  }
  ${APPRAISAL_ASSIGNMENT_FIELDS}
`;
