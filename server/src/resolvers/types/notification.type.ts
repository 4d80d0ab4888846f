import { limits, NotificationKind, notificationKindDescription } from '@quorum/shared';
import { ArrayMaxSize, IsBoolean, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { registerDescribedEnum } from '../../entities/enums.js';
import { DateTime } from '../../scalars/date-time.js';
import { ChangeEvent } from './change-event.type.js';
import { PageInfo } from './connection.js';

registerDescribedEnum(NotificationKind, 'NotificationKind', notificationKindDescription);

@ObjectType('Notification', {
  simpleResolvers: true,
  description:
    'Something the viewer is told about ("thông báo"): a change that concerns them, with the event behind it.',
})
export class NotificationItem {
  @Field(() => ID, { description: "The notification's id, to pass to `markNotificationsRead`." })
  id!: string;

  @Field(() => NotificationKind, {
    description: 'Why the viewer is told (a task assigned, a deadline near, a meeting scheduled…).',
  })
  kind!: NotificationKind;

  @Field(() => ChangeEvent, { description: 'What happened, with its subject as the viewer may read it now.' })
  event!: ChangeEvent;

  @Field(() => DateTime, { description: 'When it was made.' })
  createdAt!: Date;

  @Field(() => DateTime, {
    nullable: true,
    description: 'When the viewer marked it read; null while unread.',
  })
  readAt!: Date | null;
}

@ObjectType({ simpleResolvers: true, description: 'One notification in a page, with its cursor.' })
export class NotificationEdge {
  @Field(() => String, { description: 'Opaque; pass it as `after` to read on from this notification.' })
  cursor!: string;

  @Field(() => NotificationItem, { description: 'The notification.' })
  node!: NotificationItem;
}

@ObjectType({ simpleResolvers: true, description: "A page of the viewer's notifications, newest first." })
export class NotificationConnection {
  @Field(() => [NotificationEdge], { description: 'The notifications of this page, newest first.' })
  edges!: NotificationEdge[];

  @Field(() => PageInfo, { description: 'Whether more pages follow, and the cursors to read them.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Of this list (unread only when asked so).' })
  totalCount!: number;

  @Field(() => Int, { description: "The viewer's unread notifications." })
  unreadCount!: number;
}

@ObjectType({ simpleResolvers: true, description: 'What the `notifications` subscription sends.' })
export class NotificationUpdatePayload {
  @Field(() => Int, { description: "The viewer's unread notifications now." })
  unreadCount!: number;

  @Field(() => NotificationItem, {
    nullable: true,
    description: 'The notification that just came; null when the count changed otherwise (marked read).',
  })
  notification!: NotificationItem | null;
}

@InputType({
  description:
    'Marks notifications of the viewer read: those in `ids` (at most 100), or all with `all: true`; one of the two is required.',
})
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: "Some of the viewer's notifications." })
  @IsOptional()
  @ArrayMaxSize(limits.pageSizeMax)
  @IsUUID('all', { each: true })
  ids?: string[];

  @Field(() => Boolean, { nullable: true, description: 'All of them.' })
  @IsOptional()
  @IsBoolean()
  all?: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `markNotificationsRead`.' })
export class MarkNotificationsReadPayload {
  @Field(() => Int, { description: "The viewer's unread notifications left." })
  unreadCount!: number;
}

@ObjectType({ simpleResolvers: true, description: 'How the viewer is told about one kind of notification.' })
export class NotificationPreference {
  @Field(() => NotificationKind, { description: 'The kind of notification.' })
  kind!: NotificationKind;

  @Field(() => Boolean, { description: 'Shown in the application; off, none of this kind is kept.' })
  inApp!: boolean;

  @Field(() => Boolean, {
    description: 'Also sent by e-mail (when the server sends e-mail, and only if in-app).',
  })
  email!: boolean;
}

@InputType({ description: 'How the viewer is told of one kind of notification.' })
export class NotificationPreferenceInput {
  @Field(() => NotificationKind, { description: 'The kind of notification, each at most once per call.' })
  @IsIn(Object.values(NotificationKind))
  kind!: NotificationKind;

  @Field(() => Boolean, { description: 'Shown in the application; false keeps none of this kind.' })
  @IsBoolean()
  inApp!: boolean;

  @Field(() => Boolean, {
    description: 'Also sent by e-mail (when the server sends e-mail, and only if `inApp`).',
  })
  @IsBoolean()
  email!: boolean;
}

@InputType({ description: "Sets the viewer's channels for the kinds given; the other kinds keep theirs." })
export class UpdateNotificationPreferencesInput {
  @Field(() => [NotificationPreferenceInput], { description: 'One entry per kind to set.' })
  @ArrayMaxSize(Object.values(NotificationKind).length)
  @ValidateNested({ each: true })
  preferences!: NotificationPreferenceInput[];
}

@ObjectType({ simpleResolvers: true, description: 'The result of `updateNotificationPreferences`.' })
export class UpdateNotificationPreferencesPayload {
  @Field(() => [NotificationPreference], { description: "Every kind's preference as it is now." })
  preferences!: NotificationPreference[];
}
