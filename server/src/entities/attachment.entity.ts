import { BlobType, Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { AgendaItem } from './agenda-item.entity.js';
import { BaseEntity } from './base.entity.js';
import { Meeting } from './meeting.entity.js';
import { Proposal } from './proposal.entity.js';
import { TaskUpdate } from './task-update.entity.js';
import { Task } from './task.entity.js';
import { User } from './user.entity.js';

/**
 * A file of a meeting's materials ("tài liệu họp"), of the meeting as a whole or of one agenda item, or a
 * file of a proposal ("hồ sơ đề án"), or a file of a task's progress ("tài liệu báo cáo tiến độ"): each
 * belongs to exactly one meeting, proposal or task (a check in the database). Uploaded through `POST /uploads` (multipart, streamed); the bytes live in the database (bytea)
 * and are loaded only when asked for.
 */
@Entity()
@ObjectType({
  simpleResolvers: true,
  description:
    "A file of a meeting's materials (of the meeting or one agenda item), of a proposal, or of a task's progress. Uploaded with `POST /uploads`; seen by whoever may read the object it belongs to.",
})
@Index({ properties: ['meeting', 'agendaItem'] })
export class Attachment extends BaseEntity {
  /** Null for a file of a proposal or a task. */
  @ManyToOne(() => Meeting, { ref: true, nullable: true, deleteRule: 'cascade' })
  meeting?: Ref<Meeting> | null;

  /** Null for a file of a meeting or a task. */
  @ManyToOne(() => Proposal, { ref: true, nullable: true, deleteRule: 'cascade', index: true })
  proposal?: Ref<Proposal> | null;

  /** Null but for a file of a task. */
  @ManyToOne(() => Task, { ref: true, nullable: true, deleteRule: 'cascade', index: true })
  task?: Ref<Task> | null;

  /** The progress report a file of a task went with; null until it is reported (`reportTaskProgress`). */
  @ManyToOne(() => TaskUpdate, { ref: true, nullable: true, deleteRule: 'set null', index: true })
  taskUpdate?: Ref<TaskUpdate> | null;

  /** Null for a file of the whole meeting. */
  @ManyToOne(() => AgendaItem, { ref: true, nullable: true, deleteRule: 'cascade' })
  agendaItem?: Ref<AgendaItem>;

  @Field(() => String, { description: 'The file name as uploaded.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, {
    description: 'The MIME type, checked against the content when it arrived (e.g. `application/pdf`).',
  })
  @Property({ type: 'text' })
  mediaType!: string;

  @Field(() => Int, { description: 'Bytes.' })
  @Property({ type: 'integer' })
  size!: number;

  @Field(() => String, {
    description: 'SHA-256 of the content, hex: computed by the server as the file arrived.',
  })
  @Property({ type: 'text' })
  sha256!: string;

  @Property({ type: BlobType, lazy: true })
  content!: Buffer;

  @ManyToOne(() => User, { ref: true })
  uploadedBy!: Ref<User>;
}
