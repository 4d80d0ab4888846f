/**
 * The members of the authorization matrix: users of the organization in each position the rules name, and a
 * READ-only API token of the office (`readToken`). The matrix adds an anonymous and a foreign caller.
 */
export const memberRoles = [
  'admin',
  'office',
  'drafter',
  'reviewer',
  'committee',
  'unrelated',
  'otherParticipant',
  'readToken',
] as const;
export type MemberRole = (typeof memberRoles)[number];
