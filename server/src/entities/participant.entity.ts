import { Entity, Enum, ManyToOne, Property, Unique, OptionalProps, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { VersionedEntity } from './base.entity.js';
import { Attendance, ParticipantRole } from './enums.js';
import { Meeting } from './meeting.entity.js';
import { User } from './user.entity.js';
import { DateTime } from '../scalars/date-time.js';

@Entity()
@ObjectType({
  simpleResolvers: true,
  description: 'A person taking part in a meeting ("thành phần tham dự"), with their role and attendance.',
})
@Unique({ properties: ['meeting', 'user'] })
export class Participant extends VersionedEntity {
  [OptionalProps]?: 'attendance';

  @ManyToOne(() => Meeting, { ref: true, deleteRule: 'cascade' })
  meeting!: Ref<Meeting>;

  @ManyToOne(() => User, { ref: true })
  user!: Ref<User>;

  @Field(() => ParticipantRole, {
    description:
      'CHAIR, MEMBER, INVITEE or SECRETARY; CHAIR and MEMBER are the voting members the quorum counts.',
  })
  @Enum({ items: () => ParticipantRole, type: 'text' })
  role!: ParticipantRole;

  @Field(() => Attendance, {
    description:
      'Recorded by the office once the meeting is scheduled (excused absences) and at the session: UNKNOWN until recorded, then PRESENT, ABSENT or EXCUSED.',
  })
  @Enum({ items: () => Attendance, type: 'text' })
  attendance: Attendance = Attendance.UNKNOWN;

  @Field(() => DateTime, {
    nullable: true,
    description: "When they marked the meeting's materials as read; null until then.",
  })
  @Property({ type: 'datetime', nullable: true })
  materialsReadAt?: Date;
}
