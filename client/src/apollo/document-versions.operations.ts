// Versions of a co-edited document, a proposal's body or a meeting's minutes (the operations are in
// schema/operations/client/document-versions.graphql).

/** What the versions are of, as `createDocumentVersion` takes it: a proposal's body or a meeting's minutes. */
export type VersionSubject = { proposalId: string } | { meetingId: string };
