import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import './entities/enums.js';
import {
  AgendaItemResolver,
  AttachmentResolver,
  ParticipantResolver,
} from './resolvers/agenda-item.resolver.js';
import { guardFields } from './policies/field-guards.js';
import { syncPageFields } from './read/page-fields.js';
import { CalendarResolver } from './resolvers/calendar.resolver.js';
import { AuthResolver, SessionResolver, ViewerAbilitiesResolver } from './resolvers/auth.resolver.js';
import { ApiTokenResolver, DirectoryResolver } from './resolvers/directory.resolver.js';
import { EventResolver } from './resolvers/event.resolver.js';
import { MeetingResolver } from './resolvers/meeting.resolver.js';
import { MeetingMinutesResolver } from './resolvers/minutes.resolver.js';
import { NotificationPreferencesResolver, NotificationResolver } from './resolvers/notification.resolver.js';
import { WebhookDeliveryResolver, WebhookResolver } from './resolvers/webhook.resolver.js';
import { PresenceResolver } from './resolvers/presence.resolver.js';
import {
  MembershipResolver,
  OrganizationResolver,
  UnitResolver,
  UserResolver,
} from './resolvers/organization.resolver.js';
import { ProgrammeItemResolver, WorkProgrammeResolver } from './resolvers/programme.resolver.js';
import { DocumentVersionResolver, ProposalResolver } from './resolvers/proposal.resolver.js';
import {
  DocumentVersionContentResolver,
  ProposalAttachmentResolver,
  ProposalAttachmentsResolver,
} from './resolvers/document-version.resolver.js';
import {
  AppraisalAssignmentResolver,
  AppraisalCommentResolver,
  AppraisalResolver,
} from './resolvers/appraisal.resolver.js';
import { DashboardResolver } from './resolvers/dashboard.resolver.js';
import { FollowUpResolver } from './resolvers/follow-up.resolver.js';
import { HistoryResolver } from './resolvers/history.resolver.js';
import { TaskResolver, TaskUpdateResolver } from './resolvers/task.resolver.js';
import { SearchResolver } from './resolvers/search.resolver.js';
import { validateArgs } from './resolvers/validate-args.js';

const resolvers = [
  AuthResolver,
  SessionResolver,
  ViewerAbilitiesResolver,
  DirectoryResolver,
  ApiTokenResolver,
  OrganizationResolver,
  UnitResolver,
  UserResolver,
  MembershipResolver,
  WorkProgrammeResolver,
  ProgrammeItemResolver,
  MeetingResolver,
  MeetingMinutesResolver,
  ParticipantResolver,
  AgendaItemResolver,
  AttachmentResolver,
  ProposalResolver,
  AppraisalResolver,
  AppraisalAssignmentResolver,
  AppraisalCommentResolver,
  DocumentVersionResolver,
  DocumentVersionContentResolver,
  ProposalAttachmentsResolver,
  ProposalAttachmentResolver,
  TaskResolver,
  FollowUpResolver,
  TaskUpdateResolver,
  SearchResolver,
  EventResolver,
  HistoryResolver,
  PresenceResolver,
  CalendarResolver,
  NotificationResolver,
  WebhookResolver,
  WebhookDeliveryResolver,
  NotificationPreferencesResolver,
  DashboardResolver,
] as const;

// type-graphql insists on a PubSub, but our only subscription streams from the change feed (its own
// `subscribe`), never from topics; anything reaching this is a programming error.
const noTopics = {
  publish(): never {
    throw new Error('Subscriptions read the change feed; there are no pub/sub topics');
  },
  subscribe(): never {
    throw new Error('Subscriptions read the change feed; there are no pub/sub topics');
  },
};

let schema: Promise<GraphQLSchema> | undefined;

/**
 * The executable schema, built once per process from the type-graphql classes. Every object type is declared
 * with `simpleResolvers`: a plain field resolves by graphql's default resolver, without type-graphql's
 * per-field wrapper (thousands of fields per nested read); the rules live in field resolvers and in the
 * guards `guardFields` puts on the fields they concern.
 */
export function getSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false },
    validateFn: validateArgs,
    pubSub: noTopics,
  })
    .then(syncPageFields)
    .then(guardFields)
    .then(describeRoots);
  return schema;
}

/** type-graphql declares the root types itself, without a description: the API reference opens on these. */
function describeRoots(built: GraphQLSchema): GraphQLSchema {
  const query = built.getQueryType();
  const mutation = built.getMutationType();
  const subscription = built.getSubscriptionType();
  if (query)
    query.description =
      "What can be read. Every query answers within the viewer's organization and only what its policies let the viewer see; what exists but may not be seen is answered as if it did not exist (null, left out of lists, or NOT_FOUND).";
  if (mutation)
    mutation.description =
      'What can be changed. Each mutation runs in one transaction, checks the same policies as `viewerCan`, and either writes everything or nothing (refusals carry `extensions.code`: BAD_USER_INPUT, FORBIDDEN, NOT_FOUND, CONFLICT). A READ-only API token may run none.';
  if (subscription)
    subscription.description =
      "Live updates over graphql-ws (`/graphql`, the credential in `connectionParams.authorization`), filtered by the viewer's access at every delivery.";
  return built;
}

/** The SDL as committed in `schema/schema.graphql` (sorted, so the diff shows real changes only). */
export async function printSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
