// Shared helpers for the load tools: HTTP with keep-alive, users, sockets, percentiles.
import { io } from 'socket.io-client';

export function args(defaults) {
  const out = { ...defaults };
  for (let i = 2; i < process.argv.length; i++) {
    const a = process.argv[i];
    if (!a.startsWith('--')) continue;
    const [k, v] = a.slice(2).split('=');
    const key = k.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    const value = v ?? process.argv[++i];
    out[key] = typeof defaults[key] === 'number' ? Number(value) : value;
  }
  return out;
}

export async function http(base, method, path, { token, body, headers } = {}) {
  const started = performance.now();
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, json, ms: performance.now() - started };
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
        return { id: reg.json.data.id, username, token: login.json.data.accessToken };
      }),
    );
    users.push(...made);
  }
  return users;
}

export function connect(url, token, transports = ['websocket']) {
  return new Promise((resolve, reject) => {
    const socket = io(url, { auth: { token }, transports, reconnection: false, forceNew: true });
    const timer = setTimeout(() => reject(new Error('socket connect timeout')), 15000);
    socket.once('connect', () => { clearTimeout(timer); resolve(socket); });
    socket.once('connect_error', (e) => { clearTimeout(timer); reject(e); });
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
