// Creates a follow-up task for a unit (the token's owner must be of the office), and prints it.
//   QUORUM_URL=… QUORUM_TOKEN=… UNIT_ID=… node --import tsx examples/create-task.ts "Báo cáo tiến độ" 2026-12-31
import { CreateTaskDocument, QuorumClient, QuorumError } from '@quorum/sdk';

const [title = 'Báo cáo tiến độ', due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10)] =
  process.argv.slice(2);
const quorum = new QuorumClient({ url: process.env.QUORUM_URL!, token: process.env.QUORUM_TOKEN! });
try {
  const { createTask } = await quorum.request(CreateTaskDocument, {
    input: { title, assigneeUnitId: process.env.UNIT_ID!, dueAt: new Date(`${due}T00:00:00Z`).toISOString() },
  });
  console.log(
    `${createTask.task.id}  ${createTask.task.title}, due ${createTask.task.dueDate} (${createTask.task.status})`,
  );
} catch (error) {
  if (error instanceof QuorumError) console.error(`${error.code}: ${error.message}`);
  else throw error;
  process.exitCode = 1;
}
