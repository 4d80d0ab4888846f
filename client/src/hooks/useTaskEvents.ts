import { useDescribeFeedEvent, useLiveFeed, type LiveFeed } from './useLiveFeed';
import { TaskEventsDocument, TaskListEventsDocument } from '../generated/graphql';
import type { TaskEventFieldsFragment } from '../generated/graphql';

export type TaskEvents = LiveFeed;

/** Tasks' events; the rest of the organization's feed is not the task screens' concern. */
function concernsTasks(event: TaskEventFieldsFragment): boolean {
  return event.type.startsWith('task.');
}

/**
 * Every task the viewer may see, for the board, the table and the home's list; `reload` reads them again,
 * once per burst of task events (a bulk change appends one per task).
 */
export function useTaskListEvents(reload: () => void): TaskEvents {
  const describe = useDescribeFeedEvent('tasks');
  return useLiveFeed(
    TaskListEventsDocument,
    {},
    { concerns: concernsTasks, describe, reload, what: 'tasks' },
  );
}

/** One task's feed, while its page is open; `reload` reads the task again. */
export function useTaskEvents(taskId: string, reload: () => void): TaskEvents {
  const describe = useDescribeFeedEvent('tasks');
  return useLiveFeed(
    TaskEventsDocument,
    { id: taskId },
    { concerns: concernsTasks, describe, reload, what: 'tasks' },
  );
}
