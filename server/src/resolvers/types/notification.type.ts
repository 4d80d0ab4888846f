import { limits, NotificationKind, notificationKindDescription } from '@quorum/shared';
import { ArrayMaxSize, IsBoolean, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { registerDescribedEnum } from '../../entities/enums.js';
import { DateTime } from '../../scalars/date-time.js';
import { ChangeEvent } from './change-event.type.js';
import { PageInfo } from './connection.js';

registerDescribedEnum(NotificationKind, 'NotificationKind', notificationKindDescription);

@ObjectType('Notification', { simpleResolvers: true })
export class NotificationItem {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field(() => ChangeEvent, { description: 'What happened, with its subject as the viewer may read it now.' })
  event!: ChangeEvent;

  @Field(() => DateTime)
  createdAt!: Date;

  @Field(() => DateTime, { nullable: true })
  readAt!: Date | null;
}

@ObjectType({ simpleResolvers: true })
export class NotificationEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => NotificationItem)
  node!: NotificationItem;
}

@ObjectType({ simpleResolvers: true })
export class NotificationConnection {
  @Field(() => [NotificationEdge])
  edges!: NotificationEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Of this list (unread only when asked so).' })
  totalCount!: number;

  @Field(() => Int, { description: "The viewer's unread notifications." })
  unreadCount!: number;
}

@ObjectType({ simpleResolvers: true, description: 'What the `notifications` subscription sends.' })
export class NotificationUpdatePayload {
  @Field(() => Int)
  unreadCount!: number;

  @Field(() => NotificationItem, {
    nullable: true,
    description: 'The notification that just came; null when the count changed otherwise (marked read).',
  })
  notification!: NotificationItem | null;
}

@InputType()
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

@ObjectType({ simpleResolvers: true })
export class MarkNotificationsReadPayload {
  @Field(() => Int)
  unreadCount!: number;
}

@ObjectType({ simpleResolvers: true })
export class NotificationPreference {
  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field(() => Boolean, { description: 'Shown in the application; off, none of this kind is kept.' })
  inApp!: boolean;

  @Field(() => Boolean, {
    description: 'Also sent by e-mail (when the server sends e-mail, and only if in-app).',
  })
  email!: boolean;
}

@InputType()
export class NotificationPreferenceInput {
  @Field(() => NotificationKind)
  @IsIn(Object.values(NotificationKind))
  kind!: NotificationKind;

  @Field(() => Boolean)
  @IsBoolean()
  inApp!: boolean;

  @Field(() => Boolean)
  @IsBoolean()
  email!: boolean;
}

@InputType()
export class UpdateNotificationPreferencesInput {
  @Field(() => [NotificationPreferenceInput])
  @ArrayMaxSize(Object.values(NotificationKind).length)
  @ValidateNested({ each: true })
  preferences!: NotificationPreferenceInput[];
}

@ObjectType({ simpleResolvers: true })
export class UpdateNotificationPreferencesPayload {
  @Field(() => [NotificationPreference])
  preferences!: NotificationPreference[];
}
