import { TaskStatus } from '@quorum/shared';

/** Overdue: past its due date and neither done nor cancelled. The `tasks(filter: { overdue })` filter says the same. */
export function isOverdue(task: { dueAt: Date; status: TaskStatus }, now: Date): boolean {
  return task.dueAt < now && task.status !== TaskStatus.DONE && task.status !== TaskStatus.CANCELLED;
}
