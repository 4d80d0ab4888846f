import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126032901 } from './Migration20261126032901.js';
import { Migration20261126034838 } from './Migration20261126034838.js';
import { Migration20261126040127 } from './Migration20261126040127.js';
import { Migration20261127090018 } from './Migration20261127090018.js';
import { Migration20261127143140 } from './Migration20261127143140.js';
import { Migration20261127143155 } from './Migration20261127143155.js';
import { Migration20261127174000 } from './Migration20261127174000.js';
import { Migration20261127180000 } from './Migration20261127180000.js';
import { Migration20261127190000 } from './Migration20261127190000.js';
import { Migration20261127200000 } from './Migration20261127200000.js';
import { Migration20261127210000 } from './Migration20261127210000.js';
import { Migration20261127220000 } from './Migration20261127220000.js';
import { Migration20261127230000 } from './Migration20261127230000.js';
import { Migration20261128000000 } from './Migration20261128000000.js';
import { Migration20261128010000 } from './Migration20261128010000.js';
import { Migration20261128020000 } from './Migration20261128020000.js';
import { Migration20261128031000 } from './Migration20261128031000.js';
import { Migration20261128040000 } from './Migration20261128040000.js';
import { Migration20261128050000 } from './Migration20261128050000.js';

/** Every migration in order, listed statically (the file glob does not work under vitest). */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261126032901', class: Migration20261126032901 },
  // Access lists for CONFIDENTIAL objects, audit-only events, login attempts.
  { name: 'Migration20261126034838', class: Migration20261126034838 },
  // Meeting templates, presenter confirmation, materials flag, attachments.
  { name: 'Migration20261126040127', class: Migration20261126040127 },
  // Events about users (the directory's audit trail).
  { name: 'Migration20261127090018', class: Migration20261127090018 },
  // Login attempts recorded before the password is checked (and marked when it succeeds); API tokens to review.
  { name: 'Migration20261127143140', class: Migration20261127143140 },
  // The SHA-256 of each attachment (uploads are hashed as they stream; older files from their bytes).
  { name: 'Migration20261127143155', class: Migration20261127143155 },
  // Appraisal rounds: the office's note, shared comments, closing time; comments' answers; events about rounds,
  // and the trail read by subject.
  { name: 'Migration20261127174000', class: Migration20261127174000 },
  // The HTML of each proposal's body beside its text (co-editing keeps both current).
  { name: 'Migration20261127180000', class: Migration20261127180000 },
  // Tasks: who assigned each, the due dates in their history; events about programme items.
  { name: 'Migration20261127190000', class: Migration20261127190000 },
  // Versions of a proposal's body keep its Yjs state, HTML and why they were taken; files of proposals.
  { name: 'Migration20261127200000', class: Migration20261127200000 },
  // What the reminder job sent (task, kind, due date).
  { name: 'Migration20261127210000', class: Migration20261127210000 },
  // Files of tasks' progress reports.
  { name: 'Migration20261127220000', class: Migration20261127220000 },
  // Events about work programmes.
  { name: 'Migration20261127230000', class: Migration20261127230000 },
  // Search: unaccent and pg_trgm, folded titles and text as generated columns with their indexes.
  { name: 'Migration20261128000000', class: Migration20261128000000 },
  // Notifications: their kind and e-mail mark; each user's preferences per kind.
  { name: 'Migration20261128010000', class: Migration20261128010000 },
  // Meetings' minutes (co-edited over /collab): Yjs state, text, HTML.
  { name: 'Migration20261128020000', class: Migration20261128020000 },
  // Versions of meetings' minutes: a version belongs to a proposal or to a meeting.
  { name: 'Migration20261128031000', class: Migration20261128031000 },
  // Agenda items' description and conclusion (co-edited over /collab): their Yjs states.
  { name: 'Migration20261128040000', class: Migration20261128040000 },
  // Webhooks: endpoints, deliveries, attempts.
  { name: 'Migration20261128050000', class: Migration20261128050000 },
];
