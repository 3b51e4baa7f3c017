// Idle-connection capacity of one realtime-service instance: opens --count authenticated Socket.IO
// connections (websocket) straight to the instance's Socket.IO port, holds them, and reports what
// the instance then uses: connected sockets (its chat_sockets_connected gauge), heap after a full GC
// and resident memory (RSS). Stays on loopback; closes everything and exits after --hold seconds.
//
//   node idle-connections.mjs --count 10000 --socket http://127.0.0.1:8096 --http http://127.0.0.1:8086
//
// Tokens come from --users users registered through the gateway (each user holds count/users
// connections, as devices). Needs RATE_LIMIT_ENABLED=false on the platform for more than 5 users.
import { execFileSync } from 'node:child_process';
import { io } from 'socket.io-client';
import { args, makeUsers, sleep } from './lib.mjs';

const o = args({
  gateway: 'http://127.0.0.1:3000',
  socket: 'http://127.0.0.1:8096',
  http: 'http://127.0.0.1:8086',
  count: 10000,
  users: 50,
  batch: 250,
  hold: 20,
});

const port = new URL(o.socket).port;
const pid = Number(/pid=(\d+)/.exec(execFileSync('ss', ['-ltnpH', `sport = :${port}`]).toString())?.[1]);
if (!pid) throw new Error(`nothing listens on ${o.socket}`);

// Sum of a Prometheus series on the instance (all label sets whose labels contain `labels`).
const metric = async (name, labels = '') => {
  const res = await fetch(`${o.http}/actuator/prometheus`);
  let sum = null;
  for (const line of (await res.text()).split('\n')) {
    if ((line.startsWith(`${name}{`) || line.startsWith(`${name} `)) && line.includes(labels)) {
      sum = (sum ?? 0) + Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return sum;
};
const rssMiB = () => Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim()) / 1024;
const heapAfterGcMiB = async () => {
  execFileSync('jcmd', [String(pid), 'GC.run']);
  await sleep(1000);
  return (await metric('jvm_memory_used_bytes', 'area="heap"')) / 1024 / 1024;
};
// With -XX:NativeMemoryTracking=summary on the instance: the JVM's committed memory by category (MiB).
const nativeMemory = () => {
  let text;
  try {
    text = execFileSync('jcmd', [String(pid), 'VM.native_memory', 'summary', 'scale=MB'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  } catch {
    return {};
  }
  const nmt = {};
  for (const m of text.matchAll(/^-\s+([\w ]+?) \(reserved=\d+MB, committed=(\d+)MB\)/gm)) nmt[m[1]] = Number(m[2]);
  const total = /Total: reserved=\d+MB, committed=(\d+)MB/.exec(text);
  return total ? { nmtCommittedMiB: { total: Number(total[1]), ...nmt } } : {};
};
const snapshot = async (label) => {
  const s = {
    label,
    sockets: await metric('chat_sockets_connected'),
    heapAfterGcMiB: Math.round(await heapAfterGcMiB()),
    // What the heap holds on to (SerialGC rarely gives committed heap back): part of the RSS.
    heapCommittedMiB: Math.round((await metric('jvm_memory_committed_bytes', 'area="heap"')) / 1024 / 1024),
    nonHeapCommittedMiB: Math.round((await metric('jvm_memory_committed_bytes', 'area="nonheap"')) / 1024 / 1024),
    directBuffersMiB: Math.round((await metric('jvm_buffer_memory_used_bytes', 'id="direct"')) / 1024 / 1024),
    rssMiB: Math.round(rssMiB()),
    ...nativeMemory(),
    threads: await metric('jvm_threads_live_threads'),
  };
  console.log(JSON.stringify(s));
  return s;
};

const before = await snapshot('before');
const users = await makeUsers(`${o.gateway}/api/v1`, o.users, 'idle');
const sockets = [];
let failed = 0;
const started = performance.now();
for (let i = 0; i < o.count; i += o.batch) {
  const batch = Array.from({ length: Math.min(o.batch, o.count - i) }, (_, j) => new Promise((resolve) => {
    const socket = io(o.socket, {
      auth: { token: users[(i + j) % users.length].token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: 30000,
    });
    socket.once('connect', () => { sockets.push(socket); resolve(); });
    socket.once('connect_error', () => { failed++; socket.close(); resolve(); });
  }));
  await Promise.all(batch);
}
const connectSeconds = (performance.now() - started) / 1000;
await sleep(o.hold * 1000);
const held = await snapshot('held');
const connected = sockets.filter((s) => s.connected).length;
sockets.forEach((s) => s.close());
await sleep(3000);
const after = await snapshot('after close');

const perConnKiB = (held.heapAfterGcMiB - before.heapAfterGcMiB) * 1024 / Math.max(1, connected);
console.log(JSON.stringify({
  requested: o.count, opened: sockets.length, failed, stillConnectedAfterHold: connected,
  connectSeconds: Math.round(connectSeconds * 10) / 10,
  heapPerConnectionKiB: Math.round(perConnKiB * 10) / 10,
  before, held, after,
}, null, 2));
process.exit(0);
