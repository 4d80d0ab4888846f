import { notificationKinds, type NotificationKind } from '@quorum/shared';
import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Event } from './event.entity.js';
import { User } from './user.entity.js';

/**
 * An event brought to one user's attention, and why (`kind`). Read through `notifications`, whose type is
 * NotificationItem (the event is shown with its subject as the viewer may read it now).
 */
@Entity()
@Index({ properties: ['user', 'readAt'] })
@Index({ properties: ['user', 'createdAt'] })
export class Notification extends BaseEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @ManyToOne(() => Event, { ref: true })
  event!: Ref<Event>;

  @Enum({ items: () => [...notificationKinds], type: 'text' })
  kind!: NotificationKind;

  @Property({ type: 'datetime', nullable: true })
  readAt?: Date;

  /** When its e-mail went (the mail job sets it in the transaction that sends, so a retry sends nothing twice). */
  @Property({ type: 'datetime', nullable: true })
  emailedAt?: Date;
}
