import { Entity, Enum, ManyToOne, Property, Unique, OptionalProps, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { VersionedEntity } from './base.entity.js';
import { Attendance, ParticipantRole } from './enums.js';
import { Meeting } from './meeting.entity.js';
import { User } from './user.entity.js';
import { DateTime } from '../scalars/date-time.js';

@Entity()
@ObjectType({ simpleResolvers: true })
@Unique({ properties: ['meeting', 'user'] })
export class Participant extends VersionedEntity {
  [OptionalProps]?: 'attendance';

  @ManyToOne(() => Meeting, { ref: true, deleteRule: 'cascade' })
  meeting!: Ref<Meeting>;

  @ManyToOne(() => User, { ref: true })
  user!: Ref<User>;

  @Field(() => ParticipantRole)
  @Enum({ items: () => ParticipantRole, type: 'text' })
  role!: ParticipantRole;

  @Field(() => Attendance)
  @Enum({ items: () => Attendance, type: 'text' })
  attendance: Attendance = Attendance.UNKNOWN;

  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  materialsReadAt?: Date;
}
