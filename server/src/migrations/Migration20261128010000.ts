import { Migration } from '@mikro-orm/migrations';

export class Migration20261128010000 extends Migration {

  override async up(): Promise<void> {
    // Notifications: why each reached its user (one event can be a reply to one and a mention to another),
    // when its e-mail went (the mail job's mark: a retried job sends nothing twice), newest first per user.
    this.addSql(`alter table "notification" add column "kind" text null, add column "emailed_at" timestamptz null;`);
    this.addSql(`update "notification" n set "kind" = case e."type"
      when 'participant.added' then 'INVITATION'
      when 'meeting.statusChanged' then 'MEETING_STATUS'
      when 'appraisal.requested' then 'APPRAISAL_REQUEST'
      when 'appraisal.reviewerAssigned' then 'APPRAISAL_REQUEST'
      when 'task.reminded' then 'DUE_SOON'
      when 'task.escalated' then 'OVERDUE'
      when 'proposal.statusChanged' then 'STATUS_CHANGE'
      when 'task.statusChanged' then 'STATUS_CHANGE'
      when 'appraisal.commentAdded' then 'REPLY'
      when 'appraisal.commentResolved' then 'REPLY'
      else 'ASSIGNMENT' end
      from "event" e where e."seq" = n."event_seq";`);
    this.addSql(`alter table "notification" alter column "kind" set not null;`);
    this.addSql(`create index "notification_user_id_created_at_index" on "notification" ("user_id", "created_at");`);
    // Per user and kind, what they chose; a kind without a row has the defaults (notifications.ts in shared).
    this.addSql(`create table "notification_preference" ("user_id" uuid not null, "kind" text not null, "in_app" boolean not null, "email" boolean not null, constraint "notification_preference_pkey" primary key ("user_id", "kind"));`);
    this.addSql(`alter table "notification_preference" add constraint "notification_preference_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification_preference" cascade;`);
    this.addSql(`drop index "notification_user_id_created_at_index";`);
    this.addSql(`alter table "notification" drop column "emailed_at", drop column "kind";`);
  }

}
