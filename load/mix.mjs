// Mixed workload: simulated users of the chat platform, each an async loop with think time, over
// HTTP and the official socket.io-client, through the gateway. Finds the "supported users" figure
// with a ramp of steps of increasing concurrent users.
//
//   node mix.mjs --users 20 --seconds 40                       one step
//   node mix.mjs --ramp 25,50,100,200 --step-seconds 60        ramp; stops at the first failing step
//   node mix.mjs --ramp 25,50,100 --continue --out mix.json    every step, results written as JSON
//
// THE PLATFORM MUST BE STARTED WITH RATE_LIMIT_ENABLED=false (e.g. `RATE_LIMIT_ENABLED=false ./run.sh`):
// the contract allows 5 logins per 15 min per IP and 100 requests per 15 min per IP, so a run from
// one address is refused within seconds otherwise. Stays on the --base host; every phase is bounded
// in time, and the run stops by itself (a watchdog exits with code 3 if the platform stops answering).
//
// Setup (not timed, per step for the users that step adds): register, log in, social graph (each
// user ~--contacts direct contacts; groups of ~--group-size members, each user in 1 or 2 of them,
// created with POST /groups and POST /groups/{id}/members), connect one socket per user.
// Then every user loops: think (exponential, mean --think-ms), do one action picked by weight:
//   open      history of a contact or group (GET /messages/direct|group/{id}?limit=30)
//   direct    direct message, half over REST POST /messages, half over socket message:send (ack)
//   group     group message, half REST, half socket
//   typing    typing:start (ack), type 1-3 s, direct message, typing:stop (ack)
//   receipts  POST /messages/{id}/delivered then /seen for up to 3 received messages
//   react     POST /messages/{id}/react on a received message
//   search    GET /messages/search?query=<word>
//   sync      GET /messages/sync?since=<cursor> (pages until hasMore is false)
//   call      start a call to a contact (REST POST /calls or socket call:initiate), the callee
//             answers on call:ringing (socket call:answer), hold --call-hold-ms, end (REST or socket)
//   reconnect close the socket, stay offline 0.5-2 s, connect a new one, catch up with
//             GET /messages/sync?since=<last cursor>
// --mix open=20,direct=25,... overrides weights (defaults below). Access tokens are refreshed
// (POST /auth/refresh) when older than 10 minutes.
//
// Measured per step: latency (avg/p50/p95/p99) and errors per action (an error is a non-2xx answer,
// a failed or missing ack, a timeout of --timeout-ms, a refused socket connection, or a socket the
// server dropped); requests/s (REST requests + acknowledged emits + socket connects) and messages/s;
// delivery latency from the start of a send to message:received at each recipient; loss and
// duplicates. Accounting: every message whose send succeeded must reach every recipient exactly
// once. A recipient whose socket was connected from before the send until the end of the step plus
// --grace seconds must get it by message:received; a recipient that reconnected in between may get
// it by message:received or by the sync after its reconnect (one last sync at the end of the step
// stands in for the client's next periodic sync). "lost" counts (message, recipient) pairs that
// never arrived; "dups" counts message ids received twice by one socket session.
// A step passes when avg <= --max-avg-ms (100), p99 <= --max-p99-ms (500), errors <=
// --max-error-pct (0.1 %) of requests, and nothing was lost. "supported users" is the largest
// passing step (--fail-on-duplicates also fails a step with duplicates). Exit code 0; 1 with --strict
// when a step failed; 3 when the watchdog fired.
//
// Options: --base http://localhost:3000  --think-ms 5000  --seed 1  --transport websocket|polling
// (polling = the client's default: long-polling first, then upgrade)  --grace 5  --timeout-ms 10000
// --contacts 5  --group-size 8  --setup-concurrency 10  --call-hold-ms 2000  --out file.json
// --continue  --strict  --quiet (no per-action table after each step).
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { args, connect, emitAck, http, percentiles, prng, registerUsers, sleep } from './lib.mjs';

const o = args({
  base: 'http://localhost:3000',
  users: 20,
  seconds: 60,
  ramp: '',
  stepSeconds: 60,
  thinkMs: 5000,
  seed: 1,
  transport: 'websocket',
  mix: '',
  contacts: 5,
  groupSize: 8,
  grace: 5,
  timeoutMs: 10000,
  callHoldMs: 2000,
  setupConcurrency: 10,
  maxAvgMs: 100,
  maxP99Ms: 500,
  maxErrorPct: 0.1,
  errorSamples: 30,
  continue: false,
  strict: false,
  failOnDuplicates: false,
  quiet: false,
  out: '',
});

const API = `${o.base}/api/v1`;
const TRANSPORTS = o.transport === 'polling' ? ['polling', 'websocket'] : ['websocket'];
const REFRESH_AFTER_MS = 10 * 60 * 1000;
const MIX = { open: 20, direct: 25, group: 10, typing: 10, receipts: 15, react: 5, search: 5, sync: 5, call: 1.5, reconnect: 1.5 };
for (const part of o.mix.split(',').filter(Boolean)) {
  const [name, weight] = part.split('=');
  if (!(name in MIX) || !(Number(weight) >= 0)) throw new Error(`--mix: unknown action or weight "${part}"`);
  MIX[name] = Number(weight);
}
const STEPS = o.ramp ? o.ramp.split(',').map(Number) : [o.users];
const STEP_SECONDS = o.ramp ? o.stepSeconds : o.seconds;
if (STEPS.some((n, i) => !(n > 0) || (i > 0 && n < STEPS[i - 1]))) throw new Error('--ramp: increasing user counts');
if (!(STEP_SECONDS > 0)) throw new Error('step length must be > 0 seconds');

const WORDS = ('hello meeting lunch project deadline coffee tomorrow weekend release review design budget report '
  + 'kafka socket server client travel football music movie dinner schedule invoice ticket support deploy '
  + 'monday friday morning evening office remote update question answer thanks great idea plan draft '
  + 'photo video call later today urgent maybe sure done check').split(' ');
const EMOJI = ['👍', '❤️', '😂', '🎉', '👀', '🙏'];

const setupRand = prng(o.seed);
const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const now = () => performance.now();
const round = (x, d = 1) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);

// ---------------------------------------------------------------- measurements

class Stats {
  constructor() {
    this.ops = new Map(); // op -> { lat: [], n, err }
    this.requests = 0;
    this.errors = 0;
    this.errorKinds = {};
    this.errorSamples = [];
    this.messagesSent = 0;
    this.duplicates = 0;
    this.duplicateSamples = [];
    this.ringMissing = 0;
    this.pushLatency = { 'call:ringing': [] };
  }

  record(op, ms, ok, detail = {}) {
    let s = this.ops.get(op);
    if (!s) this.ops.set(op, (s = { lat: [], n: 0, err: 0 }));
    if (ms !== null) { s.lat.push(ms); s.n++; this.requests++; }
    if (ok) return;
    s.err++;
    this.errors++;
    const kind = [op, detail.status ?? detail.error ?? '', detail.code ?? ''].join(' ').trim();
    this.errorKinds[kind] = (this.errorKinds[kind] ?? 0) + 1;
    if (this.errorSamples.length < o.errorSamples) {
      this.errorSamples.push({ at: new Date().toISOString(), op, ...detail });
    }
  }
}

let stats = new Stats(); // the running step's
const setupStats = new Stats(); // registration, login, first connects, final syncs: never in the criteria
const arrivals = new Map(); // messageId -> Map(userIdx -> arrival time), first arrival over any socket
const syncArrivals = new Map(); // messageId -> Set(userIdx), seen in a sync answer
let sentThisStep = []; // { id, t0, sender, recipients, kind }
let stopping = false;
let stopSignal = null;
let stopPromise = null;
let aborted = false;

// ---------------------------------------------------------------- users and requests

const users = [];
const groups = [];

function errorDetail(res) {
  return { status: res.status, code: res.json?.code, message: res.json?.message ?? res.text?.slice(0, 200) };
}

/** One timed REST call of `u`; returns the parsed body, or null on any failure. */
async function req(u, op, method, path, body, statsTo = stats) {
  const t0 = now();
  try {
    const res = await http(API, method, path, { token: u.token, body, timeoutMs: o.timeoutMs });
    const ok = res.status >= 200 && res.status < 300;
    statsTo.record(op, now() - t0, ok, ok ? {} : { method, path, user: u.id, ...errorDetail(res) });
    return ok ? res.json ?? {} : null;
  } catch (e) {
    const error = e.name === 'TimeoutError' ? 'timeout' : e.cause?.code ?? e.message;
    statsTo.record(op, now() - t0, false, { method, path, user: u.id, error });
    return null;
  }
}

/** One timed acknowledged emit; returns the ack's data (or {}), or null on any failure. */
async function emit(u, op, event, payload) {
  const socket = u.socket;
  if (!socket) return null;
  const t0 = now();
  const r = await emitAck(socket, event, payload, o.timeoutMs);
  const ok = !r.timeout && r.ack?.success === true;
  stats.record(op, now() - t0, ok, ok ? {} : {
    event, user: u.id, ...(r.timeout ? { error: 'timeout' } : { code: r.ack?.code, message: r.ack?.message }),
  });
  return ok ? r.ack.data ?? {} : null;
}

async function pool(items, concurrency, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

// ---------------------------------------------------------------- sockets

function onReceived(u, session, m) {
  if (!m?.id || m.senderId === u.id) return; // the sender's own group message comes back to it
  if (session.seen.has(m.id)) {
    stats.duplicates++;
    if (stats.duplicateSamples.length < 10) stats.duplicateSamples.push({ messageId: m.id, user: u.id, session: session.n });
    return;
  }
  session.seen.add(m.id);
  let perUser = arrivals.get(m.id);
  if (!perUser) arrivals.set(m.id, (perUser = new Map()));
  if (!perUser.has(u.idx)) perUser.set(u.idx, now());
  u.inbox.push(m.id);
  if (u.inbox.length > 50) u.inbox.shift();
  u.recent.push(m.id);
  if (u.recent.length > 50) u.recent.shift();
}

function onRinging(u, d) {
  const ring = u.ring;
  if (!ring || d?.initiatorId !== ring.from) return;
  u.ring = null;
  stats.pushLatency['call:ringing'].push(now() - ring.t0);
  emit(u, 'call.answer', 'call:answer', { callId: d.call?.id }).then((data) => ring.resolve(data !== null));
}

/** Opens a socket for `u`; returns true when connected. */
async function openSocket(u, statsTo = stats) {
  const session = { n: u.sessions.length + 1, start: null, end: null, seen: new Set() };
  const t0 = now();
  try {
    const socket = await connect(o.base, u.token, TRANSPORTS, (s) => {
      s.on('message:received', (m) => onReceived(u, session, m));
      s.on('call:ringing', (d) => onRinging(u, d));
      s.on('disconnect', (reason) => {
        if (session.end === null) session.end = now();
        if (u.socket === s) u.socket = null;
        if (!session.closing) stats.record('socket.drop', null, false, { user: u.id, error: reason });
      });
    }, o.timeoutMs);
    session.start = now();
    statsTo.record('socket.connect', session.start - t0, true);
    session.socket = socket;
    u.sessions.push(session);
    u.socket = socket;
    return true;
  } catch (e) {
    statsTo.record('socket.connect', now() - t0, false, { user: u.id, error: e.message });
    return false;
  }
}

function closeSocket(u) {
  const session = u.sessions[u.sessions.length - 1];
  if (!u.socket || !session) return;
  session.closing = true;
  session.end = now();
  const socket = u.socket;
  u.socket = null;
  socket.disconnect();
}

/** Pages GET /messages/sync from the user's cursor; records the messages it brings. */
async function syncAll(u, op, statsTo = stats) {
  for (let page = 0; page < 50; page++) {
    const since = u.cursor ? `?since=${encodeURIComponent(u.cursor)}` : '';
    const body = await req(u, op, 'GET', `/messages/sync${since}`, undefined, statsTo);
    if (!body) return false;
    const { changes = [], nextCursor, hasMore } = body.data ?? {};
    for (const c of changes) {
      if (c.kind !== 'CREATED' || !c.messageId || c.message?.senderId === u.id) continue;
      let set = syncArrivals.get(c.messageId);
      if (!set) syncArrivals.set(c.messageId, (set = new Set()));
      set.add(u.idx);
    }
    if (nextCursor) u.cursor = nextCursor;
    if (!hasMore) return true;
  }
  return true;
}

// ---------------------------------------------------------------- actions

let messageNo = 0;
function content(u) {
  const n = 3 + Math.floor(u.rand() * 6);
  return `${Array.from({ length: n }, () => pick(u.rand, WORDS)).join(' ')} #${++messageNo}`;
}

/** Sends to `to` (a user or a group) over REST or the socket; a success is tracked for delivery. */
async function send(u, to, via) {
  const kind = to.members ? 'group' : 'direct';
  const target = to.members ? { groupId: to.id } : { receiverId: to.id };
  const body = { content: content(u), type: 'TEXT', ...target };
  const useSocket = via === 'socket' && u.socket;
  const t0 = now();
  const data = useSocket
    ? await emit(u, `send.socket.${kind}`, 'message:send', body)
    : (await req(u, `send.rest.${kind}`, 'POST', '/messages', body))?.data;
  if (!data?.id) return;
  stats.messagesSent++;
  const recipients = to.members ? to.members.filter((i) => i !== u.idx) : [to.idx];
  sentThisStep.push({ id: data.id, t0, sender: u.idx, recipients, kind });
}

const contactOf = (u) => users[pick(u.rand, u.contactList)];
const via = (u) => (u.rand() < 0.5 ? 'rest' : 'socket');

const ACTIONS = {
  async open(u) {
    if (u.groups.length && u.rand() < 0.3) {
      await req(u, 'history.group', 'GET', `/messages/group/${pick(u.rand, u.groups).id}?limit=30`);
    } else {
      await req(u, 'history.direct', 'GET', `/messages/direct/${contactOf(u).id}?limit=30`);
    }
  },
  async direct(u) {
    await send(u, contactOf(u), via(u));
  },
  async group(u) {
    if (!u.groups.length) return ACTIONS.direct(u);
    await send(u, pick(u.rand, u.groups), via(u));
  },
  async typing(u) {
    const to = u.groups.length && u.rand() < 0.3 ? pick(u.rand, u.groups) : contactOf(u);
    const target = to.members ? { groupId: to.id } : { receiverId: to.id };
    await emit(u, 'typing.start', 'typing:start', target);
    await Promise.race([sleep(1000 + u.rand() * 2000), stopPromise]);
    await send(u, to, via(u));
    await emit(u, 'typing.stop', 'typing:stop', target);
  },
  async receipts(u) {
    if (!u.inbox.length) return ACTIONS.open(u);
    for (const id of u.inbox.splice(0, 3)) {
      await req(u, 'receipt.delivered', 'POST', `/messages/${id}/delivered`);
      await req(u, 'receipt.seen', 'POST', `/messages/${id}/seen`);
    }
  },
  async react(u) {
    if (!u.recent.length) return ACTIONS.open(u);
    const id = pick(u.rand, u.recent);
    const emoji = pick(u.rand, EMOJI);
    await req(u, 'react', 'POST', `/messages/${id}/react`, { emoji });
  },
  async search(u) {
    await req(u, 'search', 'GET', `/messages/search?query=${encodeURIComponent(pick(u.rand, WORDS))}&limit=20`);
  },
  async sync(u) {
    await syncAll(u, 'sync');
  },
  async call(u) {
    const callee = u.contactList.map((i) => users[i]).find((v) => !v.busy && v.socket && !v.ring);
    if (u.busy || !callee) return ACTIONS.open(u);
    u.busy = true;
    callee.busy = true;
    let answered;
    const answer = new Promise((resolve) => { answered = resolve; });
    const rangAt = now();
    callee.ring = { from: u.id, t0: rangAt, resolve: answered };
    try {
      const body = { type: u.rand() < 0.5 ? 'AUDIO' : 'VIDEO', participantIds: [callee.id] };
      const data = via(u) === 'socket' && u.socket
        ? await emit(u, 'call.start.socket', 'call:initiate', body)
        : (await req(u, 'call.start.rest', 'POST', '/calls', body))?.data;
      const callId = data?.call?.id;
      if (!callId) return;
      const ok = await Promise.race([answer, sleep(o.timeoutMs).then(() => 'none')]);
      // No ring is only a fault when the callee's socket stayed up (it may have been reconnecting).
      if (ok === 'none' && connectedThroughout(callee, rangAt, now())) {
        stats.ringMissing++;
        stats.record('call.ringing', null, false, { user: callee.id, error: `no call:ringing within ${o.timeoutMs} ms` });
      }
      await sleep(o.callHoldMs);
      if (via(u) === 'socket' && u.socket) await emit(u, 'call.end.socket', 'call:end', { callId });
      else await req(u, 'call.end.rest', 'POST', `/calls/${callId}/end`);
    } finally {
      callee.ring = null;
      u.busy = false;
      callee.busy = false;
    }
  },
  async reconnect(u) {
    closeSocket(u);
    await sleep(500 + u.rand() * 1500); // offline for a moment, even when the step is stopping
    if (await openSocket(u)) {
      const session = u.sessions[u.sessions.length - 1];
      await syncAll(u, 'sync.catchup');
      // Until the catch-up answered, a message may reach this user by the sync rather than the push
      // (group rooms are joined just after CONNECT); the end-of-step sync covers a failed catch-up.
      session.caughtUpAt = now();
    }
  },
};

const ACTION_NAMES = Object.keys(MIX).filter((k) => MIX[k] > 0);
const TOTAL_WEIGHT = ACTION_NAMES.reduce((a, k) => a + MIX[k], 0);
function pickAction(u) {
  let x = u.rand() * TOTAL_WEIGHT;
  for (const k of ACTION_NAMES) if ((x -= MIX[k]) < 0) return k;
  return ACTION_NAMES[ACTION_NAMES.length - 1];
}

async function refreshIfOld(u) {
  if (now() - u.tokenAt < REFRESH_AFTER_MS) return;
  const t0 = now();
  const res = await http(API, 'POST', '/auth/refresh', { body: { refreshToken: u.refreshToken }, timeoutMs: o.timeoutMs })
    .catch((e) => ({ status: 0, text: e.message }));
  const ok = res.status === 200 && res.json?.data?.accessToken;
  stats.record('auth.refresh', now() - t0, !!ok, ok ? {} : { user: u.id, ...errorDetail(res) });
  if (ok) Object.assign(u, { token: res.json.data.accessToken, refreshToken: res.json.data.refreshToken, tokenAt: now() });
}

async function userLoop(u) {
  await Promise.race([sleep(u.rand() * o.thinkMs), stopPromise]); // users do not all start at once
  while (!stopping) {
    await refreshIfOld(u);
    const action = u.socket ? pickAction(u) : 'reconnect'; // a dropped socket comes back first
    try {
      await ACTIONS[action](u);
    } catch (e) {
      stats.record(`${action}.client`, null, false, { user: u.id, error: `client: ${e.stack ?? e}` });
    }
    if (stopping) break;
    const think = Math.min(-Math.log(1 - u.rand()) * o.thinkMs, 10 * o.thinkMs);
    await Promise.race([sleep(think), stopPromise]);
  }
}

// ---------------------------------------------------------------- setup (not timed)

async function addUsers(count) {
  const fresh = (await registerUsers(API, count, 'mx', o.setupConcurrency)).map((r, j) => {
    const idx = users.length + j;
    return {
      ...r, idx, rand: prng(o.seed * 100003 + idx + 1), contacts: new Set(), contactList: [], groups: [],
      sessions: [], socket: null, cursor: '', inbox: [], recent: [], busy: false, ring: null,
    };
  });
  users.push(...fresh);
  await pool(fresh, o.setupConcurrency, async (u) => {
    const t0 = now();
    const res = await http(API, 'POST', '/auth/login', { body: { email: u.email, password: u.password }, timeoutMs: 60000 });
    setupStats.record('auth.login', now() - t0, res.status === 200, errorDetail(res));
    if (res.status !== 200) throw new Error(`login ${u.email}: ${res.status} ${res.text.slice(0, 200)}`);
    Object.assign(u, { token: res.json.data.accessToken, refreshToken: res.json.data.refreshToken, tokenAt: now() });
  });

  // Contacts: symmetric, each new user gets ~--contacts; earlier users gain at most one more.
  for (const u of fresh) {
    for (let tries = 0; u.contacts.size < o.contacts && tries < 200; tries++) {
      const v = users[Math.floor(setupRand() * users.length)];
      if (v === u || u.contacts.has(v.idx) || v.contacts.size > o.contacts) continue;
      u.contacts.add(v.idx);
      v.contacts.add(u.idx);
    }
  }
  for (const u of users) u.contactList = [...u.contacts];
  for (const u of users) if (!u.contactList.length) u.contactList = [users[(u.idx + 1) % users.length].idx];

  // Groups among the new users: everyone in one, about half in a second, ~--group-size members each.
  const order = [...fresh].sort(() => setupRand() - 0.5);
  const count2 = Math.max(1, Math.round((fresh.length * 1.5) / o.groupSize));
  const made = Array.from({ length: count2 }, () => ({ id: null, members: [] }));
  order.forEach((u, i) => made[i % count2].members.push(u.idx));
  if (count2 > 1) {
    for (const u of order) {
      if (setupRand() >= 0.5) continue;
      const others = made.filter((g) => !g.members.includes(u.idx));
      pick(setupRand, others).members.push(u.idx);
    }
  }
  await pool(made, o.setupConcurrency, async (g) => {
    const owner = users[g.members[0]];
    const res = await http(API, 'POST', '/groups', {
      token: owner.token, body: { title: `mix ${groups.length}`, type: 'PRIVATE' }, timeoutMs: 30000,
    });
    if (res.status !== 201) throw new Error(`POST /groups: ${res.status} ${res.text.slice(0, 200)}`);
    g.id = res.json.data.id;
    for (const idx of g.members.slice(1)) {
      const add = await http(API, 'POST', `/groups/${g.id}/members`, {
        token: owner.token, body: { userId: users[idx].id, role: 'MEMBER' }, timeoutMs: 30000,
      });
      if (add.status !== 200) throw new Error(`POST /groups/${g.id}/members: ${add.status} ${add.text.slice(0, 200)}`);
    }
    for (const idx of g.members) users[idx].groups.push(g);
  });
  groups.push(...made);

  await pool(fresh, o.setupConcurrency * 2, async (u) => {
    if (!(await openSocket(u, setupStats))) throw new Error(`socket for ${u.email} did not connect`);
  });
}

// ---------------------------------------------------------------- a step

/** Connected from before t0 until tEnd, and (after a reconnect) caught up by sync before t0. */
function connectedThroughout(u, t0, tEnd) {
  return u.sessions.some((s) => s.start <= t0 && (s.end === null || s.end >= tEnd)
    && (s.caughtUpAt === undefined || s.caughtUpAt <= t0));
}

function account(checkTime) {
  let expected = 0;
  let lost = 0;
  let viaSync = 0;
  const lostSamples = [];
  const delivery = [];
  for (const m of sentThisStep) {
    const perUser = arrivals.get(m.id);
    const synced = syncArrivals.get(m.id);
    for (const r of m.recipients) {
      expected++;
      const at = perUser?.get(r);
      if (at !== undefined) { delivery.push(at - m.t0); continue; }
      const continuous = connectedThroughout(users[r], m.t0, checkTime);
      if (!continuous && synced?.has(r)) { viaSync++; continue; }
      lost++;
      if (lostSamples.length < 20) {
        lostSamples.push({ messageId: m.id, kind: m.kind, from: users[m.sender].id, to: users[r].id,
          continuouslyConnected: continuous, inSync: !!synced?.has(r), sessions: users[r].sessions.length });
      }
    }
  }
  return { expected, lost, viaSync, lostSamples, delivery };
}

const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

async function runStep(target, index) {
  const before = users.length;
  const setupStart = now();
  if (target > before) await addUsers(target - before);
  for (const u of users) if (!u.socket) await openSocket(u, setupStats); // dropped during the pause
  await sleep(1000); // group rooms are joined a few ms after CONNECT; let every socket settle
  const setupSeconds = (now() - setupStart) / 1000;

  stats = new Stats();
  sentThisStep = [];
  stopping = false;
  stopPromise = new Promise((resolve) => { stopSignal = resolve; });
  loopDelay.reset();
  const start = now();
  const loops = users.map((u) => userLoop(u));
  await Promise.race([sleep(STEP_SECONDS * 1000), abortPromise]);
  stopping = true;
  stopSignal();
  const measured = (now() - start) / 1000;
  const settleCap = 3 * o.timeoutMs + o.callHoldMs + 5000;
  await Promise.race([Promise.allSettled(loops), sleep(settleCap)]);
  const clientLag = loopDelay.percentile(99) / 1e6;
  await sleep(o.grace * 1000);

  // The users whose connection was interrupted catch up once more, as their next periodic sync would.
  const checkTime = now();
  const interrupted = users.filter((u) => u.sessions.some((s) => s.start > start || (s.end !== null && s.end > start)));
  await pool(interrupted, o.setupConcurrency, (u) => syncAll(u, 'sync.final', setupStats));
  const acc = account(checkTime);

  const all = [];
  for (const s of stats.ops.values()) all.push(...s.lat);
  const overall = percentiles(all);
  const delivery = percentiles(acc.delivery);
  const errorPct = stats.requests ? (100 * stats.errors) / stats.requests : 0;
  const reasons = [];
  if (!(overall.avg <= o.maxAvgMs)) reasons.push(`avg ${overall.avg} > ${o.maxAvgMs} ms`);
  if (!(overall.p99 <= o.maxP99Ms)) reasons.push(`p99 ${overall.p99} > ${o.maxP99Ms} ms`);
  if (errorPct > o.maxErrorPct) reasons.push(`errors ${round(errorPct, 3)} % > ${o.maxErrorPct} %`);
  if (acc.lost > 0) reasons.push(`${acc.lost} lost`);
  if (o.failOnDuplicates && stats.duplicates > 0) reasons.push(`${stats.duplicates} duplicates`);
  if (aborted) reasons.push('interrupted');
  const perAction = Object.fromEntries([...stats.ops.entries()].sort().map(([op, s]) => [op, {
    count: s.n, errors: s.err, ...percentiles(s.lat),
  }]));
  const row = {
    step: index + 1, users: users.length, seconds: round(measured), setupSeconds: round(setupSeconds),
    requests: stats.requests, reqPerSec: round(stats.requests / measured), messages: stats.messagesSent,
    msgPerSec: round(stats.messagesSent / measured), avgMs: overall.avg, p50Ms: overall.p50, p95Ms: overall.p95,
    p99Ms: overall.p99, maxMs: overall.max, errors: stats.errors, errorPct: round(errorPct, 3),
    deliveries: acc.expected, deliveryP50Ms: delivery.p50, deliveryP99Ms: delivery.p99, deliveryMaxMs: delivery.max,
    lost: acc.lost, recoveredBySync: acc.viaSync, duplicates: stats.duplicates, ringMissing: stats.ringMissing,
    callRingingMs: percentiles(stats.pushLatency['call:ringing']),
    clientLoopLagP99Ms: round(clientLag), pass: reasons.length === 0, failReasons: reasons,
    perAction, errorKinds: stats.errorKinds, errorSamples: stats.errorSamples,
    lostSamples: acc.lostSamples, duplicateSamples: stats.duplicateSamples,
  };
  arrivals.clear();
  syncArrivals.clear();
  return row;
}

// ---------------------------------------------------------------- output

const COLS = [
  ['users', 'users', 6], ['req/s', 'reqPerSec', 7], ['msg/s', 'msgPerSec', 6], ['avg ms', 'avgMs', 7],
  ['p95', 'p95Ms', 7], ['p99', 'p99Ms', 7], ['err %', 'errorPct', 6], ['dlv p50', 'deliveryP50Ms', 8],
  ['dlv p99', 'deliveryP99Ms', 8], ['lost', 'lost', 5], ['dups', 'duplicates', 5],
];
const header = () => `${COLS.map(([h, , w]) => h.padStart(w)).join(' ')}  result`;
const line = (r) => `${COLS.map(([, k, w]) => String(r[k] ?? '-').padStart(w)).join(' ')}  ${r.pass ? 'PASS' : `FAIL (${r.failReasons.join(', ')})`}`;

function printDetail(r) {
  console.log(`  ${r.requests} requests in ${r.seconds} s, ${r.messages} messages, ${r.deliveries} expected deliveries `
    + `(${r.recoveredBySync} by sync after a reconnect), setup ${r.setupSeconds} s, client event-loop lag p99 ${r.clientLoopLagP99Ms} ms`
    + (r.clientLoopLagP99Ms > 100 ? '  <-- the client is saturated: numbers are not trustworthy' : ''));
  if (o.quiet) return;
  console.log(`  ${'action'.padEnd(20)}${['count', 'err', 'avg', 'p50', 'p95', 'p99', 'max'].map((h) => h.padStart(8)).join('')}`);
  for (const [op, s] of Object.entries(r.perAction)) {
    console.log(`  ${op.padEnd(20)}${[s.count, s.errors, round(s.avg), round(s.p50), round(s.p95), round(s.p99), round(s.max)]
      .map((v) => String(v ?? '-').padStart(8)).join('')}`);
  }
  if (r.callRingingMs.n) console.log(`  call:ringing push: p50 ${round(r.callRingingMs.p50)} ms, p99 ${round(r.callRingingMs.p99)} ms`);
  for (const [kind, n] of Object.entries(r.errorKinds)) console.log(`  error x${n}: ${kind}`);
  for (const s of r.errorSamples.slice(0, 5)) console.log(`  error sample: ${JSON.stringify(s).slice(0, 300)}`);
  for (const s of r.lostSamples.slice(0, 5)) console.log(`  lost sample: ${JSON.stringify(s)}`);
  for (const s of r.duplicateSamples.slice(0, 5)) console.log(`  duplicate sample: ${JSON.stringify(s)}`);
}

const results = {
  tool: 'mix', startedAt: new Date().toISOString(),
  config: { ...o, steps: STEPS, stepSeconds: STEP_SECONDS, mix: MIX, transports: TRANSPORTS },
  steps: [], supportedUsers: 0,
};
function writeOut() {
  if (!o.out) return;
  results.setup = Object.fromEntries([...setupStats.ops.entries()].map(([op, s]) => [op, { count: s.n, errors: s.err, ...percentiles(s.lat) }]));
  writeFileSync(o.out, `${JSON.stringify(results, null, 2)}\n`);
}

// ---------------------------------------------------------------- main

let abort;
const abortPromise = new Promise((resolve) => { abort = resolve; });
process.once('SIGINT', () => { aborted = true; console.log('\ninterrupted: ending the step'); abort(); });

// Watchdog: everything is bounded; this catches a platform that stops answering during setup.
const budgetSeconds = STEPS.reduce((sum, n, i) => sum + STEP_SECONDS + o.grace + 60
  + (n - (i ? STEPS[i - 1] : 0)) * 1.5 + (3 * o.timeoutMs) / 1000, 60);
const watchdog = setTimeout(() => {
  console.error(`watchdog: the run exceeded ${Math.round(budgetSeconds)} s; writing what there is and exiting`);
  writeOut();
  process.exit(3);
}, budgetSeconds * 1000);
watchdog.unref();

console.log(`mix: ${STEPS.join(', ')} users, ${STEP_SECONDS} s per step, think ${o.thinkMs} ms, ${TRANSPORTS.join('+')}, `
  + `base ${o.base} (platform must run with RATE_LIMIT_ENABLED=false)`);
console.log(`  mix ${ACTION_NAMES.map((k) => `${k}=${MIX[k]}`).join(' ')}`);
let failed = false;
try {
  for (let i = 0; i < STEPS.length && !aborted; i++) {
    const row = await runStep(STEPS[i], i);
    results.steps.push(row);
    console.log(header());
    console.log(line(row));
    printDetail(row);
    if (row.pass) results.supportedUsers = Math.max(results.supportedUsers, row.users);
    else failed = true;
    writeOut();
    if (!row.pass && !o.continue) break;
  }
} catch (e) {
  console.error(`setup failed: ${e.message}`);
  failed = true;
  results.error = e.message;
}

console.log(`\nsupported users: ${results.supportedUsers}`);
console.log(header());
for (const r of results.steps) console.log(line(r));
const setupLogin = setupStats.ops.get('auth.login');
if (setupLogin) console.log(`(setup, not in the criteria: ${setupLogin.n} logins p50 ${round(percentiles(setupLogin.lat).p50)} ms)`);
writeOut();
if (o.out) console.log(`results written to ${o.out}`);
for (const u of users) closeSocket(u);
await sleep(200);
process.exit(failed && o.strict ? 1 : 0);
