import { TASK_EVENTS_SUBSCRIPTION, TASK_LIST_EVENTS_SUBSCRIPTION } from '../apollo/task.operations';
import type { TaskFeedEvent } from '../apollo/task.types';
import { useDescribeFeedEvent, useLiveFeed, type LiveFeed } from './useLiveFeed';

export type TaskEvents = LiveFeed;

/** Tasks' events; the rest of the organization's feed is not the task screens' concern. */
function concernsTasks(event: TaskFeedEvent): boolean {
  return event.type.startsWith('task.');
}

/**
 * Every task the viewer may see, for the board, the table and the home's list; `reload` reads them again,
 * once per burst of task events (a bulk change appends one per task).
 */
export function useTaskListEvents(reload: () => void): TaskEvents {
  const describe = useDescribeFeedEvent('tasks');
  return useLiveFeed(
    TASK_LIST_EVENTS_SUBSCRIPTION,
    {},
    { concerns: concernsTasks, describe, reload, what: 'tasks' },
  );
}

/** One task's feed, while its page is open; `reload` reads the task again. */
export function useTaskEvents(taskId: string, reload: () => void): TaskEvents {
  const describe = useDescribeFeedEvent('tasks');
  return useLiveFeed(
    TASK_EVENTS_SUBSCRIPTION,
    { id: taskId },
    { concerns: concernsTasks, describe, reload, what: 'tasks' },
  );
}
