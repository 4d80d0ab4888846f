// A client that floods: LOOPS requests always in the air, each sent again as soon as it is answered, whatever
// the answer (it ignores Retry-After). Runs in its own process, as another machine would, so that its own cost
// is not the server's. Lines on stdin: `go` starts the loops, `stop` ends them and prints the answers counted
// by HTTP status as one JSON line.
import { createInterface } from 'node:readline';

const { URL: url, TOKEN: token, QUERY: query, LOOPS: loops = '300' } = process.env;
const body = JSON.stringify({ query });
const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
let running = false;
let loopsDone = Promise.resolve();
let counts = {};

async function loop() {
  while (running) {
    try {
      const response = await fetch(url, { method: 'POST', headers, body });
      await response.arrayBuffer();
      counts[response.status] = (counts[response.status] ?? 0) + 1;
    } catch {
      counts.error = (counts.error ?? 0) + 1;
    }
  }
}

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'go' && !running) {
    running = true;
    counts = {};
    loopsDone = Promise.all(Array.from({ length: Number(loops) }, loop));
  } else if (line === 'stop') {
    running = false;
    await loopsDone;
    process.stdout.write(`${JSON.stringify(counts)}\n`);
  }
}
