// Delivery benchmark: N receivers connected over Socket.IO, senders send direct messages at a fixed
// rate (over REST or over the socket), and every message is timed from send to the receiver's
// message:received. Reports send latency, delivery latency, throughput, lost and duplicated.
//
//   node delivery-bench.mjs --rate 500 --duration 20 --pairs 50 --via rest
//   node delivery-bench.mjs --rate 500 --duration 20 --pairs 50 --via socket
//   node delivery-bench.mjs --api http://127.0.0.1:8083/api/v1 ...   (REST straight to message-service)
//   node delivery-bench.mjs --clients 1000 ...   (idle sockets of --idle-users other users on top,
//                                                 up to 1,000 connected clients in all)
//
// Start the platform with RATE_LIMIT_ENABLED=false first (the contract allows 30 messages per
// minute per user). Stays on loopback; stops by itself after --duration seconds plus a drain.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { args, connect, cpuPerMessage, cpuSnapshot, http, makeUsers, percentiles, sleep } from './lib.mjs';

const o = args({
  gateway: 'http://127.0.0.1:3000',
  api: '',
  rate: 200,
  duration: 10,
  pairs: 20,
  via: 'rest',
  warmup: 2,
  drain: 5,
  maxInflight: 2000,
  workers: 1,
  clients: 0,
  idleUsers: 20,
});

if (isMainThread && o.workers > 1) {
  // Several event loops, so that the client is not the bottleneck: each worker drives its share.
  const shares = await Promise.all(Array.from({ length: o.workers }, () => new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), {
      workerData: { ...o, rate: o.rate / o.workers, pairs: Math.ceil(o.pairs / o.workers),
        clients: Math.ceil(o.clients / o.workers), workers: 1 },
      argv: [],
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  })));
  const merged = shares.reduce((a, b) => ({
    sent: a.sent + b.sent, rate: a.rate + b.rate, errors: a.errors + b.errors, lost: a.lost + b.lost,
    lostAcknowledged: a.lostAcknowledged + b.lostAcknowledged,
    duplicated: a.duplicated + b.duplicated, sendMs: a.sendMs.concat(b.sendMs),
    deliverMs: a.deliverMs.concat(b.deliverMs), errorKinds: { ...a.errorKinds, ...b.errorKinds },
  }));
  report(merged);
  process.exit(merged.lost > 0 || merged.duplicated > 0 ? 2 : 0);
}
if (!isMainThread) Object.assign(o, workerData);

function report(r) {
  console.log(JSON.stringify({
    via: o.via, api: o.api || `${o.gateway}/api/v1`, targetRate: o.rate, pairs: o.pairs, workers: o.workers,
    sent: r.sent, achievedRate: Math.round(r.rate * 10) / 10, errors: r.errors, errorKinds: r.errorKinds,
    lost: r.lost, lostAcknowledged: r.lostAcknowledged, duplicated: r.duplicated,
    sendLatencyMs: percentiles(r.sendMs), deliveryLatencyMs: percentiles(r.deliverMs),
    ...(r.cpu ? { serverCpuMsPerMessage: r.cpu.server, cpuMsPerMessage: r.cpu.perMessage } : {}),
  }));
}
const api = o.api || `${o.gateway}/api/v1`;

const users = await makeUsers(`${o.gateway}/api/v1`, o.pairs * 2);
const senders = users.slice(0, o.pairs);
const receivers = users.slice(o.pairs);
const receiverSockets = await Promise.all(receivers.map((u) => connect(o.gateway, u.token)));
const senderSockets = o.via === 'socket' ? await Promise.all(senders.map((u) => connect(o.gateway, u.token))) : [];
// Connected clients that take no part in the traffic, so the realtime instance holds --clients in all.
const idleCount = Math.max(0, o.clients - receiverSockets.length - senderSockets.length);
const idleSockets = [];
if (idleCount > 0) {
  const idleUsers = await makeUsers(`${o.gateway}/api/v1`, Math.min(o.idleUsers, idleCount), 'idl');
  for (let i = 0; i < idleCount; i += 100) {
    idleSockets.push(...await Promise.all(Array.from({ length: Math.min(100, idleCount - i) },
      (_, j) => connect(o.gateway, idleUsers[(i + j) % idleUsers.length].token))));
  }
}

const sentAt = new Map(); // tag -> send start (ms)
const acknowledged = new Set(); // tags the platform answered with success (201 or a successful ack)
const received = new Map(); // tag -> count
const sendMs = [];
const deliverMs = [];
let errors = 0;
const errorKinds = {};
const fail = (kind) => { errors++; errorKinds[kind] = (errorKinds[kind] ?? 0) + 1; };
let sent = 0;
let measuring = false;
let inflight = 0;

receiverSockets.forEach((socket) => {
  socket.on('message:received', (m) => {
    const tag = m.content;
    const t0 = sentAt.get(tag);
    const count = (received.get(tag) ?? 0) + 1;
    received.set(tag, count);
    if (t0 !== undefined && count === 1 && tag.startsWith('m:')) deliverMs.push(performance.now() - t0);
  });
});

async function sendOne(i) {
  const pair = i % o.pairs;
  const tag = `${measuring ? 'm' : 'w'}:${i}:${pair}`;
  const body = { content: tag, type: 'TEXT', receiverId: receivers[pair].id };
  const t0 = performance.now();
  sentAt.set(tag, t0);
  inflight++;
  try {
    if (o.via === 'socket') {
      const reply = await new Promise((resolve) => {
        const timer = setTimeout(() => resolve({ success: false, timeout: true }), 10000);
        senderSockets[pair].emit('message:send', body, (ack) => { clearTimeout(timer); resolve(ack); });
      });
      if (!reply || reply.success === false) fail(reply?.timeout ? 'timeout' : reply?.code ?? 'error');
      else acknowledged.add(tag);
    } else {
      const res = await http(api, 'POST', '/messages', { token: senders[pair].token, body });
      if (res.status !== 201) fail(`${res.status} ${res.json?.code ?? ''}`.trim());
      else acknowledged.add(tag);
    }
    if (measuring) sendMs.push(performance.now() - t0);
  } catch (e) {
    fail(e.cause?.code ?? e.message);
  } finally {
    inflight--;
  }
}

async function drive(seconds, measure) {
  measuring = measure;
  const interval = 1000 / o.rate;
  const start = performance.now();
  let i = sent;
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    const due = Math.floor((performance.now() - start) / interval);
    while (i - sent < due && inflight < o.maxInflight) {
      sendOne(i++);
    }
    await sleep(1);
  }
  const count = i - sent;
  sent = i;
  return { count, seconds: (performance.now() - start) / 1000 };
}

await drive(o.warmup, false);
const cpuBefore = cpuSnapshot();
const run = await drive(o.duration, true);
// CPU per message of each process over the measured window (at a rate the platform keeps up
// with, as many messages are delivered in it as are sent).
const cpu = cpuPerMessage(cpuBefore, cpuSnapshot(), run.count);
await sleep(o.drain * 1000);

const measuredTags = [...sentAt.keys()].filter((t) => t.startsWith('m:'));
const lost = measuredTags.filter((t) => !received.has(t)).length;
const duplicated = measuredTags.filter((t) => (received.get(t) ?? 0) > 1).length;
// The promise that matters: nothing the platform acknowledged is lost (a refused send may be).
const lostAcknowledged = measuredTags.filter((t) => acknowledged.has(t) && !received.has(t)).length;
const share = {
  sent: measuredTags.length, rate: run.count / run.seconds, errors, errorKinds, lost, lostAcknowledged, duplicated,
  sendMs, deliverMs, cpu,
};
[...receiverSockets, ...senderSockets, ...idleSockets].forEach((s) => s.close());
if (!isMainThread) {
  parentPort.postMessage(share);
} else {
  report(share);
  process.exit(lost > 0 || duplicated > 0 ? 2 : 0);
}
