// Shared helpers for the load tools: HTTP with keep-alive, users, sockets, percentiles.
import nodeHttp from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { io } from 'socket.io-client';

export function args(defaults) {
  const out = { ...defaults };
  for (let i = 2; i < process.argv.length; i++) {
    const a = process.argv[i];
    if (!a.startsWith('--')) continue;
    const [k, v] = a.slice(2).split('=');
    const key = k.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (typeof defaults[key] === 'boolean') { // a flag: --strict, --strict=false
      out[key] = v === undefined ? true : v !== 'false';
      continue;
    }
    const value = v ?? process.argv[++i];
    out[key] = typeof defaults[key] === 'number' ? Number(value) : value;
  }
  return out;
}

/** One request; `timeoutMs` (optional) aborts it with a TimeoutError. */
export async function http(base, method, path, { token, body, headers, timeoutMs } = {}) {
  const started = performance.now();
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined,
  });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, json, text, ms: performance.now() - started };
}

/** Registers `count` users (unique names) without logging them in, `batch` at a time. */
export async function registerUsers(api, count, prefix = 'ld', batch = 10) {
  const run = `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const users = [];
  for (let i = 0; i < count; i += batch) {
    users.push(...await Promise.all(Array.from({ length: Math.min(batch, count - i) }, async (_, j) => {
      const username = `${run}_${i + j}`;
      const email = `${username}@load.test`;
      const password = 'Password123';
      const reg = await http(api, 'POST', '/auth/register', { body: { username, email, password }, timeoutMs: 60000 });
      if (reg.status !== 201) throw new Error(`register ${username}: ${reg.status} ${reg.text.slice(0, 200)}`);
      return { id: reg.json.data.id, username, email, password };
    })));
  }
  return users;
}

/** Acknowledged emit: resolves `{ ack }`, or `{ timeout: true }` when no ack came within `timeoutMs`. */
export function emitAck(socket, event, payload, timeoutMs = 10000) {
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit(event, payload, (err, ack) => resolve(err ? { timeout: true } : { ack }));
  });
}

/** Registers and logs in `count` users (unique names), a few at a time. */
export async function makeUsers(api, count, prefix = 'ld') {
  const run = `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const users = [];
  const batch = 10;
  for (let i = 0; i < count; i += batch) {
    const made = await Promise.all(
      Array.from({ length: Math.min(batch, count - i) }, async (_, j) => {
        const n = i + j;
        const username = `${run}_${n}`;
        const email = `${username}@load.test`;
        const password = 'Password123';
        const reg = await http(api, 'POST', '/auth/register', { body: { username, email, password } });
        if (reg.status !== 201) throw new Error(`register ${username}: ${reg.status} ${JSON.stringify(reg.json)}`);
        const login = await http(api, 'POST', '/auth/login', { body: { email, password } });
        if (login.status !== 200) throw new Error(`login ${username}: ${login.status} ${JSON.stringify(login.json)}`);
        return { id: reg.json.data.id, username, email, password, token: login.json.data.accessToken,
          refreshToken: login.json.data.refreshToken };
      }),
    );
    users.push(...made);
  }
  return users;
}

/**
 * Connects one client (no automatic reconnection). `prepare(socket)`, if given, runs before the
 * connection is opened, so listeners it adds miss nothing; a failed or timed-out attempt is closed.
 */
export function connect(url, token, transports = ['websocket'], prepare = undefined, timeoutMs = 15000) {
  return new Promise((resolve, reject) => {
    // withCredentials: keep cookies like a browser, so long-polling stays on its sticky instance.
    const socket = io(url, { auth: { token }, transports, reconnection: false, forceNew: true, autoConnect: !prepare,
      withCredentials: true });
    const timer = setTimeout(() => { socket.close(); reject(new Error('socket connect timeout')); }, timeoutMs);
    socket.once('connect', () => { clearTimeout(timer); resolve(socket); });
    socket.once('connect_error', (e) => { clearTimeout(timer); socket.close(); reject(e); });
    if (prepare) { prepare(socket); socket.connect(); }
  });
}

export function percentiles(values) {
  if (values.length === 0) return { n: 0, p50: null, p95: null, p99: null, max: null, avg: null };
  const s = Float64Array.from(values).sort();
  const at = (p) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
  const avg = s.reduce((a, b) => a + b, 0) / s.length;
  const r = (x) => Math.round(x * 100) / 100;
  return { n: s.length, avg: r(avg), p50: r(at(50)), p95: r(at(95)), p99: r(at(99)), max: r(s[s.length - 1]) };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * A request sent as given: raw path (no URL normalisation), any headers, a string or Buffer body
 * (or none). Never throws: a transport failure comes back as `error`, a request unanswered after
 * `timeoutMs` as `timedOut`.
 */
const rawAgent = new nodeHttp.Agent({ keepAlive: true, maxSockets: 16 });
export function rawHttp(base, method, path, { headers = {}, body, timeoutMs = 10000, fresh = false, agent, label } = {}, retried = false) {
  const url = new URL(base);
  const started = performance.now();
  return new Promise((resolve) => {
    let done = false;
    let previous = null;   // what the same (kept-alive) connection carried before this request
    const finish = (r) => { if (!done) { done = true; clearTimeout(timer); resolve({ ms: performance.now() - started, previous, ...r }); } };
    let req;
    const timer = setTimeout(() => { finish({ status: 0, timedOut: true, text: '' }); req?.destroy(); }, timeoutMs);
    try {
      // fresh: a connection of its own, closed after the answer (for requests that may poison it).
      req = nodeHttp.request({ host: url.hostname, port: url.port || 80, method, path, agent: fresh ? false : (agent ?? rawAgent),
        headers: { ...(body !== undefined && !headers['transfer-encoding'] ? { 'content-length': Buffer.byteLength(body) } : {}),
          ...(fresh ? { connection: 'close' } : {}), ...headers } });
    } catch (e) {
      finish({ status: 0, error: `client refused: ${e.code ?? e.message}`, text: '' });
      return;
    }
    req.on('socket', (socket) => { previous = socket.lastLabel ?? null; socket.lastLabel = label ?? `${method} ${path.slice(0, 80)}`; });
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json = null;
        try { json = JSON.parse(text); } catch { /* not JSON */ }
        finish({ status: res.statusCode, headers: res.headers, text, json });
      });
      res.on('error', (e) => finish({ status: res.statusCode, headers: res.headers, text: '', error: e.code ?? e.message }));
    });
    req.on('error', (e) => {
      if (done) return;
      // A kept-alive connection the server had already closed: send once more on a fresh one.
      if (req.reusedSocket && !retried && ['ECONNRESET', 'EPIPE'].includes(e.code)) {
        clearTimeout(timer); done = true;
        rawHttp(base, method, path, { headers, body, timeoutMs, fresh, agent, label }, true).then(resolve);
        return;
      }
      finish({ status: 0, error: e.code ?? e.message, text: '' });
    });
    if (body !== undefined) req.end(body); else req.end();
  });
}

/** A small seeded PRNG (mulberry32): the same seed gives the same sequence of numbers in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * CPU ticks (user + system, from /proc) of every process, with the part of the platform it belongs
 * to: Java processes by the first "<name>-service" in their command line (the launcher, which hosts
 * the embedded Kafka broker, has none), PostgreSQL and Redis processes, this process as "load
 * generator", and every other process on the machine as "other" (to see a foreign job sharing the
 * cores).
 */
export function cpuSnapshot() {
  const processes = {};
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    let cmdline;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      continue; // gone meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    let name = 'other';
    if (Number(entry) === process.pid) name = 'load generator';
    else if (comm === 'java') name = cmdline.match(/[a-z]+-service/)?.[0] ?? 'launcher (Kafka)';
    else if (comm === 'postgres') name = 'postgres';
    else if (comm === 'redis-server') name = 'redis';
    // fields[0] is the state; utime and stime are fields 14 and 15 of stat, so 11 and 12 here.
    processes[entry] = { name, ticks: Number(fields[11]) + Number(fields[12]) };
  }
  return processes;
}

/**
 * CPU milliseconds per message of each part between two snapshots (USER_HZ = 100 on Linux). A
 * process that started in between counts whole; one that ended in between is missing.
 */
export function cpuPerMessage(before, after, messages) {
  const ms = {};
  for (const [pid, { name, ticks }] of Object.entries(after)) {
    const was = before[pid]?.name === name ? before[pid].ticks : 0;
    ms[name] = (ms[name] ?? 0) + (ticks - was) * 10;
  }
  const perMessage = {};
  let server = 0;
  for (const [name, total] of Object.entries(ms)) {
    perMessage[name] = Math.round((total / Math.max(1, messages)) * 1000) / 1000;
    if (name !== 'load generator' && name !== 'other') server += total / Math.max(1, messages);
  }
  return { perMessage, server: Math.round(server * 1000) / 1000 };
}
