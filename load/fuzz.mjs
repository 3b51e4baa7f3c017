// Bounded fuzzing of the public API through the gateway. The operations come from each service's
// OpenAPI document (/api/docs/{svc}/v3/api-docs); for every one it sends a valid-ish request built
// from the schema and many mutations of it: bodies (missing fields, wrong JSON types, empty, long,
// unicode/control/NUL strings, numbers out of range, unknown fields, wrong top-level JSON, broken
// JSON text, wrong or no Content-Type, oversized), path ids (own, another user's, random, malformed,
// long, percent-encoded junk, dot segments), query parameters (negative, zero, huge, non-numeric,
// repeated) and tokens (none, garbage, expired-looking, unsigned, tampered). Then it emits every
// client Socket.IO event of the contract with junk payloads, with and without ack.
//
// A finding: any 5xx (502/503/504 only if a lone retry fails too), no answer within 10 s (also only
// if it hangs alone), a non-2xx JSON answer without the error envelope {success:false,message,code},
// a stack trace or Java class name in a body, a 2xx for a request with a bad token, a 2 MB body
// accepted past the gateway's 1 MB limit, a kept-alive connection left unusable after an answer the
// gateway made itself, an emit without ack or a socket closed by the server after a small bad
// payload, a packet lost after one, an error event without {message}, a server that stops serving.
// At the end every service's /actuator/health must answer UP. Exit code 1 when there are findings.
//
//   node fuzz.mjs                                        (platform running: ./run.sh)
//   node fuzz.mjs --base http://localhost:3000 --seconds 300 --seed 1 --concurrency 4
//        --logs /tmp/chat-bench/logs   (also print the exceptions the services logged during the run)
//        --out /tmp/fuzz.json          (the full report as JSON)
//
// Creates throw-away users, groups, messages and calls. Stays on the --base host; stops by itself.
import fs from 'node:fs';
import nodeHttp from 'node:http';
import path from 'node:path';
import { args, http, makeUsers, connect, sleep, rawHttp, prng, percentiles } from './lib.mjs';

const o = args({ base: 'http://localhost:3000', seconds: 300, seed: 1, concurrency: 4, logs: '', out: '' });
const started = Date.now();
const deadline = started + o.seconds * 1000;
const SOCKET_SECONDS = Math.min(80, Math.max(20, o.seconds * 0.25));
const restEnd = deadline - SOCKET_SECONDS * 1000 - 10000;
const watchdog = setTimeout(() => { console.error(`FAIL: still running after ${o.seconds + 60}s`); process.exit(2); },
  (o.seconds + 60) * 1000);

const SERVICES = ['auth', 'user', 'message', 'group', 'call'];
const HEALTH_PORTS = { auth: 8081, user: 8082, message: 8083, group: 8084, call: 8085, realtime: 8086, gateway: 3001, discovery: 8761 };
const TIMEOUT_MS = 10000;
const api = `${o.base}/api/v1`;
const LEAK = /Exception|org\.springframework|java\.lang|java\.util\.|jakarta\.|com\.fasterxml|org\.hibernate|org\.postgresql|\.java:\d+\)/;

// ---------- seeded randomness ----------
const rand = prng(o.seed);
const hex = (n) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(rand() * 4)]}${hex(3)}-${hex(12)}`;
const shuffle = (a) => { for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; } return a; };
const runTag = `fz${o.seed.toString(36)}x${Date.now().toString(36)}`;
let uniqueCounter = 0;
const unique = () => `${runTag}_${++uniqueCounter}`;

// ---------- results ----------
const stats = Object.fromEntries([...SERVICES.map((s) => [s, { ops: 0, requests: 0, skipped: 0, hist: {}, findings: 0 }])]);
const findings = new Map();   // key -> finding (deduplicated)
const notes = new Map();      // key -> observation that is not a finding
const retryQueue = [];

function addFinding(f) {
  const key = [f.kind, f.method, f.template, f.mutation, f.status].join('|');
  const seen = findings.get(key);
  if (seen) { seen.count++; return; }
  findings.set(key, { ...f, count: 1 });
  if (stats[f.service]) stats[f.service].findings++;
}
function addNote(key, text) {
  const seen = notes.get(key);
  if (seen) seen.count++; else notes.set(key, { text, count: 1 });
}
const excerpt = (s, n = 240) => {
  if (s === undefined || s === null) return '';
  const t = Buffer.isBuffer(s) ? `<${s.length} bytes> ${s.subarray(0, n).toString('latin1')}` : String(s);
  const shown = JSON.stringify(t.length > n ? t.slice(0, n) : t).slice(1, -1);
  return t.length > n ? `${shown}… (${t.length} chars)` : shown;
};

// ---------- OpenAPI ----------
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
async function loadOperations(service) {
  const res = await http(o.base, 'GET', `/api/docs/${service}/v3/api-docs`);
  if (res.status !== 200 || !res.json?.paths) throw new Error(`${service} OpenAPI document: ${res.status}`);
  const doc = res.json;
  const resolve = (s) => (s?.$ref ? doc.components.schemas[s.$ref.split('/').pop()] : s);
  const ops = [];
  for (const [p, item] of Object.entries(doc.paths)) {
    if (!p.startsWith('/api/v1')) continue;
    for (const m of METHODS) {
      const op = item[m];
      if (!op) continue;
      const content = op.requestBody?.content;
      const schemaRef = content && (content['application/json'] ?? Object.values(content)[0])?.schema;
      ops.push({
        service, method: m.toUpperCase(), template: p,
        params: (op.parameters ?? []).map((x) => ({ name: x.name, in: x.in, required: !!x.required, schema: resolve(x.schema) ?? {} })),
        body: schemaRef ? resolve(schemaRef) : null,
        secured: !(Array.isArray(op.security) && op.security.length === 0),
        otherMethods: METHODS.filter((x) => !item[x]).map((x) => x.toUpperCase()),
      });
    }
  }
  return ops;
}

// ---------- fixtures ----------
let A, B, C;   // caller, another user (peer / group member), a stranger
const call = (method, p, token, body) => http(api, method, p, { token, body });
async function created(method, p, token, body, what) {
  const r = await call(method, p, token, body);
  if (r.status >= 200 && r.status < 300) return r.json?.data ?? {};
  addNote(`fixture:${what}:${r.status}`, `fixture ${what} (${method} ${p}) answered ${r.status} ${excerpt(JSON.stringify(r.json), 160)}`);
  return null;
}
async function endCalls() {
  for (const u of [A, B, C]) {
    const list = await call('GET', '/calls?limit=100', u.token);
    for (const c of list.json?.data ?? []) {
      if (['ENDED', 'REJECTED', 'MISSED', 'CANCELLED'].includes(c.status)) continue;
      const r = await call('POST', `/calls/${c.id}/end`, u.token);
      if (r.status >= 300) await call('POST', `/calls/${c.id}/leave`, u.token);
    }
  }
}
async function freshUser() { return (await makeUsers(api, 1, 'fzc'))[0]; }

/** The caller and the real objects one operation's ids point at, made fresh for it. */
async function prepare(op) {
  const fx = {};
  let caller = A;
  if (op.service === 'auth' || op.service === 'user') caller = await freshUser();
  if (op.service === 'message') {
    fx.msgOwn = (await created('POST', '/messages', A.token, { content: 'fuzz fixture', receiverId: B.id }, 'message'))?.id;
    fx.msgForeign = (await created('POST', '/messages', B.token, { content: 'fuzz foreign', receiverId: C.id }, 'message'))?.id;
  }
  if (op.service === 'message' || op.service === 'group') {
    fx.groupOwn = (await created('POST', '/groups', A.token, { title: 'fuzz own', type: 'PRIVATE' }, 'group'))?.id;
    fx.groupForeign = (await created('POST', '/groups', B.token, { title: 'fuzz foreign', type: 'PRIVATE' }, 'group'))?.id;
    if (fx.groupOwn) await created('POST', `/groups/${fx.groupOwn}/members`, A.token, { userId: B.id }, 'member');
  }
  if (op.service === 'call') {
    await endCalls();
    fx.callOwn = (await created('POST', '/calls', A.token, { type: 'AUDIO', participantIds: [B.id] }, 'call'))?.call?.id;
    fx.callForeign = (await created('POST', '/calls', B.token, { type: 'VIDEO', participantIds: [C.id] }, 'call'))?.call?.id;
  }
  return { caller, fx };
}

/** The own and foreign value of a path id, by resource and parameter name. */
function idPool(op, name, caller, fx) {
  const resource = op.template.split('/')[3];
  if (name === 'userId') return { own: B.id, foreign: C.id };
  if (resource === 'users') return { own: caller.id, foreign: B.id };
  if (resource === 'messages' && name === 'groupId') return { own: fx.groupOwn, foreign: fx.groupForeign };
  if (resource === 'messages' && name === 'otherUserId') return { own: B.id, foreign: C.id };
  if (resource === 'messages') return { own: fx.msgOwn, foreign: fx.msgForeign };
  if (resource === 'groups') return { own: fx.groupOwn, foreign: fx.groupForeign };
  if (resource === 'calls') return { own: fx.callOwn, foreign: fx.callForeign };
  return { own: uuid(), foreign: uuid() };
}

// ---------- valid-ish bodies from the schema ----------
function enumOf(prop) {
  return prop?.enum ?? (prop?.pattern && /^[A-Z_]+(\|[A-Z_]+)+$/.test(prop.pattern) ? prop.pattern.split('|') : null);
}
function validValue(name, prop, ctx) {
  const type = prop.type ?? 'string';
  if (type === 'array') return [validValue(name, prop.items ?? {}, ctx)];
  if (type === 'object') return { fuzz: 'yes' };
  if (type === 'integer' || type === 'number') return Math.max(1, prop.minimum ?? 1);
  if (type === 'boolean') return true;
  if (prop.format === 'uuid') return ctx.uuidFor(name);
  if (prop.format === 'email') return `${unique()}@fuzz.test`;
  const values = enumOf(prop);
  if (values) return values[0];
  if (name === 'email') return ctx.caller.email;
  if (name === 'password') return ctx.caller.password ?? 'Password123';
  if (name === 'refreshToken') return ctx.caller.refreshToken ?? 'none';
  if (name === 'username') return unique();
  if (name === 'emoji') return '👍';
  if (prop.pattern?.includes('https?')) return 'https://example.invalid/fuzz.png';
  if (name === 'clientMessageId') return unique();
  const s = `fuzz ${name}`;
  return prop.maxLength ? s.slice(0, prop.maxLength) : s;
}
function validBody(op, ctx) {
  const props = op.body?.properties ?? {};
  const body = {};
  for (const [name, prop] of Object.entries(props)) body[name] = validValue(name, prop, ctx);
  // Fields that exclude each other: a direct message (receiverId) or call (participantIds) wins.
  if ('groupId' in body && ('receiverId' in body || 'participantIds' in body)) delete body.groupId;
  return body;
}
function contextFor(caller, fx) {
  return {
    caller,
    uuidFor: (name) => ({ receiverId: B.id, groupId: fx.groupOwn, parentId: fx.msgOwn, userId: C.id, participantIds: B.id }[name] ?? uuid()),
    foreignFor: (name) => ({ groupId: fx.groupForeign, parentId: fx.msgForeign, receiverId: C.id, userId: B.id, participantIds: C.id }[name] ?? uuid()),
  };
}

// ---------- junk ----------
const deepObject = (n) => { let x = { leaf: 1 }; for (let i = 0; i < n; i++) x = { a: x }; return x; };
const manyKeys = (n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
const TYPE_JUNK = [['null', null], ['number', 123], ['negative', -1], ['zero', 0], ['float', 1.5], ['huge-number', 1e308],
  ['boolean', true], ['object', { a: 1 }], ['empty-object', {}], ['array', ['x']], ['empty-array', []]];
const STRING_JUNK = [['empty', ''], ['space', ' '], ['10k', 'a'.repeat(10000)], ['100k', 'b'.repeat(100000)],
  ['emoji', '😀👍🏽‍🔥🇺🇦'.repeat(3)], ['combining', 'Z̸̡̛͓a̷l̶g̵o̴'], ['rtl-override', '\u202Eabc\u202D'],
  ['control-chars', '\u0001\u0007\u001b[31m\u007f'], ['nul', 'a\u0000b'], ['lone-surrogate', 'x\ud800y'], ['bom-ffff', '\ufeff\uffff'],
  ['crlf', 'a\r\nb\n'], ['sql', "' OR '1'='1' --"], ['html', '<script>alert(1)</script>'], ['traversal', '../../../../etc/passwd'],
  ['format', '%s%n%x%d'], ['jndi', '${jndi:ldap://127.0.0.1:1/a}'], ['spel', '#{7*7}${7*7}'], ['numeric-string', '123'],
  ['nan-string', 'NaN'], ['infinity-string', '-Infinity'], ['unicode-spaces', '\u00a0\u2028\u2029\u3000']];
// JSON text no JSON.stringify produces, spliced in as a field's value.
const RAW_JUNK = [['raw-NaN', 'NaN'], ['raw-1e400', '1e400'], ['raw-bigint', '123456789012345678901234567890'],
  ['raw-minus-zero', '-0'], ['raw-hex', '0x10'], ['raw-deep-array', '['.repeat(3000) + ']'.repeat(3000)], ['raw-undefined', 'undefined']];
const INT_QUERY_JUNK = [['-1', '-1'], ['0', '0'], ['1', '1'], ['int-max', '2147483647'], ['int-max+1', '2147483648'],
  ['int-min-1', '-2147483649'], ['long-max', '9223372036854775807'], ['long-max+1', '9223372036854775808'],
  ['huge', '99999999999999999999999'], ['float', '1.5'], ['exp', '1e3'], ['alpha', 'abc'], ['empty', ''], ['NaN', 'NaN'],
  ['hex', '0x10'], ['leading-space', '%201'], ['nul', '1%00'], ['10k-digits', '9'.repeat(10000)]];
const STRING_QUERY_JUNK = [['empty', ''], ['space', '%20'], ['one-char', 'a'], ['10k', 'q'.repeat(10000)], ['pct', '%25'],
  ['pct-raw', '%'], ['pct-bad', '%zz'], ['nul', '%00'], ['underscore', '_'], ['like-wildcards', '%25_%25'],
  ['backslash', '%5C'], ['sql', encodeURIComponent("' OR 1=1 --")], ['unicode', encodeURIComponent('ünï😀')],
  ['regex', encodeURIComponent('.*(a+)+$')], ['iso-date', '2025-01-01T00:00:00Z'], ['not-a-date', 'yesterday'],
  ['negative', '-1'], ['zero', '0'], ['huge', '99999999999999999999'], ['base64', 'AAAA%2F%2F%3D%3D'], ['uuid', null],
  ['raw-latin1', '\u00ff\u00fe'], ['json', encodeURIComponent('{"a":1}')]];

function pathJunk(own, foreign) {
  return [['own', own], ['foreign', foreign], ['random', uuid()], ['nil', '00000000-0000-0000-0000-000000000000'],
    ['max', 'ffffffff-ffff-ffff-ffff-ffffffffffff'], ['upper', own?.toUpperCase()], ['no-dashes', own?.replace(/-/g, '')],
    ['short-java-form', '1-1-1-1-1'], ['bad-char', `${own?.slice(0, -1)}g`], ['too-long', `${own}0`], ['not-uuid', 'abc'],
    ['numeric', '123'], ['negative', '-1'], ['empty', ''], ['space', '%20'], ['long-10k', 'a'.repeat(10000)],
    ['long-3k', 'a'.repeat(3000)], ['pct-junk', '%zz'], ['pct-nul', '%00'], ['pct-slash', '%2F'], ['uuid-pct-nul', `${own}%00`],
    ['dotdot', '..'], ['dot', '.'], ['pct-dotdot', '%2e%2e'], ['dotdot-slashes', '..%2f..%2fusers'], ['double-encoded', '%252e%252e'],
    ['backslash', '..%5c..'], ['semicolon', `${own};jsessionid=x`], ['unicode', encodeURIComponent('ü😀')],
    ['raw-latin1', '\u00ff\u00fe'], ['sql', encodeURIComponent("' OR 1=1--")], ['braces', encodeURIComponent('{}')],
    ['trailing-slash', `${own}/`]].filter(([, v]) => v !== undefined && v !== 'undefined');
}

function uuidJunk(name, ctx, own) {
  return [['not-uuid', 'not-a-uuid'], ['nil', '00000000-0000-0000-0000-000000000000'], ['random', uuid()],
    ['foreign', ctx.foreignFor(name)], ['self', ctx.caller.id], ['upper', own?.toUpperCase?.()], ['no-dashes', own?.replace?.(/-/g, '')],
    ['short-java-form', '1-1-1-1-1'], ['bad-char', `${String(own).slice(0, -1)}g`], ['too-long', `${own}0`],
    ['braced', `{${own}}`], ['urn', `urn:uuid:${own}`]].filter(([, v]) => v !== undefined);
}
function enumJunk(values) {
  const v = values[0];
  return [['lower', v.toLowerCase()], ['unknown', 'FOO'], ['alternation', values.slice(0, 2).join('|')], ['padded', ` ${v} `],
    ['newline', `${v}\n`], ['prefix', `X${v}`]];
}
const EMAIL_JUNK = [['no-at', 'plainaddress'], ['no-domain', 'a@'], ['no-local', '@b.cd'], ['spaces', 'a b@c.de'],
  ['unicode', 'ü@ü.üü'], ['long', `${'a'.repeat(250)}@b.cd`], ['dots', 'a..b@c.de'], ['case', 'UPPER@FUZZ.TEST']];
function arrayJunk(ctx) {
  return [['object', {}], ['string', 'x'], ['number', 1], ['null', null], ['null-item', [null]], ['number-item', [1]],
    ['nested', [[]]], ['not-uuid-item', ['x']], ['duplicates', [B.id, B.id]], ['self', [ctx.caller.id]],
    ['101-items', Array.from({ length: 101 }, () => uuid())], ['1000-items', Array.from({ length: 1000 }, () => uuid())],
    ['object-item', [{}]], ['empty', []]];
}
const OBJECT_JUNK = [['string', 'x'], ['array', [1]], ['number', 1], ['deep-200', deepObject(200)], ['many-keys-5000', manyKeys(5000)],
  ['empty-key', { '': '' }], ['big-value', { k: 'x'.repeat(100000) }], ['nested-arrays', { a: [[[[[1]]]]] }]];

// ---------- requests of one operation ----------
function b64url(x) { return Buffer.from(JSON.stringify(x)).toString('base64url'); }
function tokenVariants(caller) {
  const [h, p, s] = caller.token.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url').toString());
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
  const now = Math.floor(Date.now() / 1000);
  return [
    ['none', null],
    ['garbage', 'Bearer garbage'],
    ['empty-bearer', 'Bearer '],
    ['basic-scheme', 'Basic dXNlcjpwYXNzd29yZA=='],
    ['expired-jwt', `Bearer ${b64url(header)}.${b64url({ ...payload, iat: now - 7200, exp: now - 3600 })}.${Buffer.from(hex(64), 'hex').toString('base64url')}`],
    ['alg-none-jwt', `Bearer ${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...payload, exp: now + 3600 })}.`],
    ['tampered-sub', `Bearer ${h}.${b64url({ ...payload, sub: B.id })}.${s}`],
    ['truncated-signature', `Bearer ${caller.token.slice(0, -6)}`],
    ...(caller.refreshToken ? [['refresh-as-access', `Bearer ${caller.refreshToken}`]] : []),
  ];
}

/** Every request for one operation: [{mutation, method, path, headers, body, expectUnauthorized}]. */
function requestsFor(op, caller, fx) {
  const ctx = contextFor(caller, fx);
  const pathParams = op.params.filter((x) => x.in === 'path');
  const queryParams = op.params.filter((x) => x.in === 'query');
  const ownIds = Object.fromEntries(pathParams.map((x) => [x.name, idPool(op, x.name, caller, fx).own ?? uuid()]));
  const buildPath = (ids = ownIds, query = null) => {
    let p = op.template;
    for (const [k, v] of Object.entries(ids)) p = p.replace(`{${k}}`, v);
    const q = query ?? queryParams.filter((x) => x.required).map((x) => `${x.name}=fuzz`);
    return q.length ? `${p}?${q.join('&')}` : p;
  };
  const auth = { authorization: `Bearer ${caller.token}` };
  const json = () => ({ 'content-type': 'application/json' });
  const bodyText = () => (op.body ? JSON.stringify(validBody(op, ctx)) : undefined);
  const out = [];
  const add = (mutation, r) => out.push({
    mutation, method: r.method ?? op.method, path: r.path ?? buildPath(),
    headers: r.headers ?? { ...auth, ...(r.body !== undefined ? json() : {}) },
    body: r.body, expectUnauthorized: !!r.expectUnauthorized,
  });
  const withBody = (mutation, body, extraHeaders = {}) => add(mutation, { body, headers: { ...auth, ...json(), ...extraHeaders } });

  add('baseline', { body: bodyText() });

  // Path ids.
  for (const param of pathParams) {
    const pool = idPool(op, param.name, caller, fx);
    for (const [label, value] of pathJunk(ownIds[param.name], pool.foreign ?? uuid())) {
      if (label === 'own') continue;
      add(`path.${param.name}:${label}`, { path: buildPath({ ...ownIds, [param.name]: value }), body: bodyText() });
    }
  }
  // Query parameters.
  const baseQuery = queryParams.filter((x) => x.required).map((x) => `${x.name}=fuzz`);
  for (const param of queryParams) {
    const others = baseQuery.filter((q) => !q.startsWith(`${param.name}=`));
    const numeric = ['integer', 'number'].includes(param.schema.type);
    const junk = numeric ? INT_QUERY_JUNK : STRING_QUERY_JUNK;
    for (const [label, value] of junk) {
      const v = value ?? uuid();
      add(`query.${param.name}:${label}`, { path: buildPath(ownIds, [...others, `${param.name}=${v}`]) });
    }
    add(`query.${param.name}:repeated`, { path: buildPath(ownIds, [...others, `${param.name}=1`, `${param.name}=2`]) });
    add(`query.${param.name}:repeated-mixed`, { path: buildPath(ownIds, [...others, `${param.name}=1`, `${param.name}=abc`]) });
    add(`query.${param.name}:no-value`, { path: buildPath(ownIds, [...others, param.name]) });
    add(`query.${param.name}:array-style`, { path: buildPath(ownIds, [...others, `${param.name}[]=1`]) });
    if (param.required) add(`query.${param.name}:missing`, { path: buildPath(ownIds, others) });
  }
  if (queryParams.length) add('query:all-negative', { path: buildPath(ownIds, queryParams.map((x) => `${x.name}=-1`)) });
  add('query:unknown-param', { path: `${buildPath()}${buildPath().includes('?') ? '&' : '?'}foo=bar&__proto__=x`, body: bodyText() });

  // Body fields.
  if (op.body) {
    const props = op.body.properties ?? {};
    const names = Object.keys(props);
    const firstString = names.find((n) => (props[n].type ?? 'string') === 'string');
    const mutateField = (name, label, value) => {
      const b = validBody(op, ctx);
      b[name] = value;
      withBody(`body.${name}:${label}`, JSON.stringify(b));
    };
    for (const name of names) {
      const prop = props[name];
      const type = prop.type ?? 'string';
      const b = validBody(op, ctx); delete b[name];
      withBody(`body.${name}:missing${(op.body.required ?? []).includes(name) ? '(required)' : ''}`, JSON.stringify(b));
      for (const [label, v] of TYPE_JUNK) mutateField(name, label, v);
      for (const [label, raw] of RAW_JUNK) {
        const b2 = validBody(op, ctx); b2[name] = '__RAW__';
        withBody(`body.${name}:${label}`, JSON.stringify(b2).replace('"__RAW__"', raw));
      }
      if (type === 'string') {
        for (const [label, v] of STRING_JUNK) mutateField(name, label, v);
        if (name === firstString) mutateField(name, '1m', 'c'.repeat(1 << 20));
        if (prop.format === 'uuid') for (const [label, v] of uuidJunk(name, ctx, ctx.uuidFor(name))) mutateField(name, label, v);
        if (prop.format === 'email') for (const [label, v] of EMAIL_JUNK) mutateField(name, label, v);
        const values = enumOf(prop);
        if (values) for (const [label, v] of enumJunk(values)) mutateField(name, label, v);
        if (prop.maxLength && prop.maxLength < 100000) mutateField(name, 'max-length+1', 'm'.repeat(prop.maxLength + 1));
        if (prop.maxLength && prop.maxLength < 100000) mutateField(name, 'max-length-emoji', '😀'.repeat(prop.maxLength));
      }
      if (type === 'array') {
        for (const [label, v] of arrayJunk(ctx)) mutateField(name, label, v);
        if (prop.items?.format === 'uuid') for (const [label, v] of uuidJunk(name, ctx, ctx.uuidFor(name))) mutateField(name, `item-${label}`, [v]);
      }
      if (type === 'object') for (const [label, v] of OBJECT_JUNK) mutateField(name, label, v);
    }
    // The whole body.
    const valid = () => validBody(op, ctx);
    const text = () => JSON.stringify(valid());
    withBody('body:empty-object', '{}');
    withBody('body:all-null', JSON.stringify(Object.fromEntries(names.map((n) => [n, null]))));
    withBody('body:unknown-fields', JSON.stringify({ ...valid(), unknownField: 'x', id: uuid(), senderId: C.id, ownerId: C.id,
      role: 'ADMIN', createdAt: '1970-01-01T00:00:00Z', deleted: true, success: false }));
    withBody('body:proto-keys', text().replace(/^\{/, '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}},'));
    withBody('body:duplicate-keys', text().replace(/^\{/, `{"${names[0]}":{"dup":true},`));
    for (const [label, t] of [['top-string', '"hello"'], ['top-number', '42'], ['top-array', '[]'], ['top-null', 'null'],
      ['top-true', 'true']]) withBody(`body:${label}`, t);
    withBody('body:top-array-of-valid', `[${text()}]`);
    withBody('json:truncated', text().slice(0, Math.floor(text().length / 2)));
    for (const [label, t] of [['open-brace', '{'], ['missing-value', `{"${names[0]}":}`], ['single-quotes', `{'${names[0]}':'x'}`],
      ['nul-byte', '\u0000'], ['unterminated-string', `{"${names[0]}":"abc`], ['invalid-escape', `{"${names[0]}":"\\x41"}`],
      ['deep-object', '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)], ['deep-array', '['.repeat(100000) + ']'.repeat(100000)],
      ['bare-word', 'hello'], ['xml', '<a>1</a>']]) withBody(`json:${label}`, t);
    withBody('json:trailing-comma', text().replace(/\}$/, ',}'));
    withBody('json:trailing-garbage', `${text()}xyz`);
    withBody('json:two-documents', `${text()}${text()}`);
    withBody('json:bom', `\ufeff${text()}`);
    withBody('json:comment', `/* c */${text()}`);
    withBody('json:invalid-utf8', Buffer.concat([Buffer.from(text().slice(0, -2)), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(text().slice(-2))]));
    withBody('json:utf16le', Buffer.from(text(), 'utf16le'));
    withBody('body:empty', '');
    add('body:absent', { headers: { ...auth, ...json() } });
    withBody('body:900k', JSON.stringify({ ...valid(), pad: 'p'.repeat(900 * 1024) }));
    withBody('body:2m', JSON.stringify({ ...valid(), pad: 'p'.repeat(2 << 20) }));
    withBody('body:2m-chunked', JSON.stringify({ ...valid(), pad: 'p'.repeat(2 << 20) }), { 'transfer-encoding': 'chunked' });
    // Content types.
    for (const [label, ct, body] of [['text-plain', 'text/plain', text()], ['xml', 'application/xml', '<x><a>1</a></x>'],
      ['form', 'application/x-www-form-urlencoded', names.map((n) => `${n}=x`).join('&')],
      ['multipart-no-boundary', 'multipart/form-data', text()],
      ['multipart', 'multipart/form-data; boundary=zz', `--zz\r\nContent-Disposition: form-data; name="${names[0]}"\r\n\r\nx\r\n--zz--\r\n`],
      ['json-latin1', 'application/json; charset=ISO-8859-1', Buffer.from(text().replace('fuzz', 'füzz'), 'latin1')],
      ['json-utf16', 'application/json; charset=UTF-16', text()], ['bogus-charset', 'application/json; charset=nope', text()],
      ['garbage', 'garbage', text()], ['empty', '', text()], ['json-suffix', 'application/vnd.fuzz+json', text()],
      ['wildcard', '*/*', text()], ['list', 'application/json, text/plain', text()], ['merge-patch', 'application/merge-patch+json', text()]]) {
      add(`ct:${label}`, { body, headers: { ...auth, 'content-type': ct } });
    }
    add('ct:none', { body: text(), headers: { ...auth } });
  } else {
    withBody('extra-body:json', '{"a":1}');
    withBody('extra-body:malformed', '{');
    add('extra-body:text', { body: 'hello', headers: { ...auth, 'content-type': 'text/plain' } });
  }
  // Headers.
  add('accept:xml', { body: bodyText(), headers: { ...auth, ...(op.body ? json() : {}), accept: 'application/xml' } });
  add('accept:html', { body: bodyText(), headers: { ...auth, ...(op.body ? json() : {}), accept: 'text/html' } });
  add('header:request-id-long', { body: bodyText(), headers: { ...auth, ...(op.body ? json() : {}), 'x-request-id': 'r'.repeat(2000) } });
  add('header:request-id-junk', { body: bodyText(), headers: { ...auth, ...(op.body ? json() : {}), 'x-request-id': '"<>{}$%\u00ff' } });
  add('header:cookie-20k', { body: bodyText(), headers: { ...auth, ...(op.body ? json() : {}), cookie: `c=${'k'.repeat(20000)}` } });
  add('header:spoofed-identity', { body: bodyText(), headers: { ...auth, ...(op.body ? json() : {}),
    'x-user-id': C.id, 'x-forwarded-for': '1.2.3.4, junk', 'x-forwarded-host': 'evil.invalid', 'x-forwarded-prefix': '/..' } });
  for (const p of op.params.filter((x) => x.in === 'header')) {
    for (const [label, v] of [['empty', ''], ['long-10k', 'i'.repeat(10000)], ['latin1', '\u00ff\u00e9'], ['uuid', uuid()], ['spaces', '  a  ']]) {
      add(`header.${p.name}:${label}`, { body: bodyText(), headers: { ...auth, ...json(), [p.name]: v } });
    }
  }
  // Unsupported methods.
  for (const m of [...op.otherMethods.slice(0, 1), 'FUZZ']) {
    add(`method:${m}`, { method: m, body: bodyText(), headers: { ...auth, ...(op.body ? json() : {}) } });
  }
  // Tokens.
  for (const [label, value] of tokenVariants(caller)) {
    add(`auth:${label}`, { body: bodyText(), expectUnauthorized: op.secured,
      headers: { ...(value ? { authorization: value } : {}), ...(op.body ? json() : {}) } });
  }
  if (op.secured) {
    add('auth:token-in-query', { path: `${buildPath()}${buildPath().includes('?') ? '&' : '?'}access_token=${caller.token}`,
      body: bodyText(), expectUnauthorized: true, headers: op.body ? json() : {} });
    // Edge-check bypass attempts: spellings of the path that might route while skipping the token check.
    const real = buildPath();
    for (const [label, p] of [['double-slash', real.replace('/api/v1/', '/api//v1/')], ['upper-case', real.replace('/api/v1/', '/API/V1/')],
      ['dot-segment', real.replace('/api/v1/', '/api/v1/./')], ['via-public', real.replace('/api/v1/', '/api/v1/auth/login/../../')],
      ['via-public-encoded', real.replace('/api/v1/', '/api/v1/auth/login/..%2f..%2f')], ['matrix', real.replace('/api/v1/', '/api/v1;x=y/')],
      ['trailing-slash', real.includes('?') ? real.replace('?', '/?') : `${real}/`]]) {
      add(`auth:bypass-${label}`, { path: p, body: bodyText(), expectUnauthorized: true, headers: op.body ? json() : {} });
    }
  }
  const [first, ...rest] = out;
  return [first, ...shuffle(rest)];
}

// ---------- sending and checking ----------
function describe(req) {
  const h = { ...req.headers };
  if (h.authorization) h.authorization = `${h.authorization.slice(0, 24)}…`;
  if (h.cookie) h.cookie = `${h.cookie.slice(0, 10)}… (${h.cookie.length} chars)`;
  for (const k of Object.keys(h)) if (String(h[k]).length > 80) h[k] = `${String(h[k]).slice(0, 40)}… (${String(h[k]).length} chars)`;
  return { method: req.method, path: excerpt(req.path, 160), headers: h, body: excerpt(req.body, 200) };
}
function check(op, req, res, isRetry = false) {
  const base = { service: op.service, method: req.method, template: op.template, mutation: req.mutation, status: res.status,
    request: describe(req), response: excerpt(res.text, 300), requestId: res.headers?.['x-request-id'] ?? null };
  if (res.timedOut) { addFinding({ ...base, kind: 'hang', status: 'timeout' }); return; }
  if (res.status === 0) {
    addNote(`transport:${op.template}:${req.mutation}:${res.error}`, `${req.method} ${op.template} ${req.mutation}: no HTTP answer (${res.error})`);
    return;
  }
  if (res.status >= 500) {
    if (!isRetry && [502, 503, 504].includes(res.status)) retryQueue.push({ op, req, res });
    else addFinding({ ...base, kind: '5xx' });
  }
  const ct = String(res.headers?.['content-type'] ?? '');
  if (res.status < 200 || res.status >= 300) {
    if (res.json !== null || ct.includes('json')) {
      const j = res.json;
      if (!(j && typeof j === 'object' && j.success === false && typeof j.message === 'string' && typeof j.code === 'string')) {
        addFinding({ ...base, kind: 'envelope' });
      }
    } else {
      addNote(`nonjson:${res.status}:${ct}:${res.text.length ? 'body' : 'empty'}`,
        `non-JSON ${res.status} answer (content-type "${ct}", ${res.text.length ? `body "${excerpt(res.text, 80)}"` : 'empty body'}), e.g. ${req.method} ${op.template} ${req.mutation}`);
    }
  }
  if (LEAK.test(res.text)) addFinding({ ...base, kind: 'leak' });
  if (/:nul$|nul-byte/.test(req.mutation) && res.status === 409) {
    addNote(`nul409:${res.json?.message}`, `a NUL character in a field is answered 409 "${res.json?.message}" (not 400), e.g. ${req.method} ${op.template} ${req.mutation}`);
  }
  if (req.expectUnauthorized && res.status >= 200 && res.status < 300) addFinding({ ...base, kind: 'auth-bypass' });
  if (req.mutation.startsWith('body:2m') && res.status >= 200 && res.status < 300) addFinding({ ...base, kind: 'body-limit' });
  if (String(res.headers?.['x-request-id'] ?? '').includes(',')) {
    addNote('dup-request-id', `X-Request-Id header sent twice in one answer (values "${excerpt(res.headers['x-request-id'], 90)}"), e.g. ${req.method} ${op.template}`);
  }
}
/** Requests that may leave their connection in a bad state go on a connection of their own. */
function risky(req) {
  const size = req.body === undefined ? 0 : Buffer.byteLength(req.body);
  // Bad-token requests too: a gateway 401 may leave its keep-alive connection unusable (connectionProbe).
  // So do malformed percent-escapes (answered 400 by the gateway's HTTP decoder).
  return size > 64 * 1024 || 'transfer-encoding' in req.headers || req.path.length > 3000 || req.mutation.startsWith('auth:')
    || /%(?![0-9A-Fa-f]{2})/.test(req.path)
    || Object.values(req.headers).some((v) => String(v).length > 4000);
}
const slowest = [];
async function send(op, req) {
  const res = await rawHttp(o.base, req.method, req.path, { headers: req.headers, body: req.body, timeoutMs: TIMEOUT_MS,
    fresh: risky(req), label: `${req.method} ${op.template} ${req.mutation}` });
  const st = stats[op.service];
  st.requests++;
  const key = res.timedOut ? 'timeout' : res.status === 0 ? 'ERR' : String(res.status);
  st.hist[key] = (st.hist[key] ?? 0) + 1;
  (st.ms ??= []).push(res.ms);
  slowest.push({ ms: Math.round(res.ms), what: `${req.method} ${op.template} ${req.mutation} -> ${key}` });
  if (slowest.length > 20) { slowest.sort((a, b) => b.ms - a.ms); slowest.length = 10; }
  if (res.timedOut) retryQueue.push({ op, req, res });   // a hang counts only if it hangs alone too
  else check(op, req, res);
  return res;
}
async function pool(items, limit, until, worker) {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length && Date.now() < until) await worker(items[next++]);
  }));
  return items.length - next;
}

// ---------- REST phase ----------
/** 502/503/504 and timeouts may be overload: each is sent once more, alone, before it counts. */
let retried = 0;
async function retryAlone() {
  for (const r of retryQueue.splice(0)) {
    const kind = r.res.timedOut ? 'hang' : '5xx';
    if (retried >= 40 || Date.now() > deadline - SOCKET_SECONDS * 1000) {
      addFinding({ service: r.op.service, kind, method: r.req.method, template: r.op.template, mutation: r.req.mutation,
        status: r.res.timedOut ? 'timeout' : r.res.status, request: describe(r.req), response: excerpt(r.res.text, 300), note: 'not retried alone (cap/time)' });
      continue;
    }
    retried++;
    await sleep(300);
    const res = await rawHttp(o.base, r.req.method, r.req.path, { headers: r.req.headers, body: r.req.body, timeoutMs: TIMEOUT_MS, fresh: true });
    const was = r.res.timedOut ? `no answer within ${TIMEOUT_MS / 1000}s` : String(r.res.status);
    check(r.op, r.req, res, true);
    if (!(res.status >= 500 || res.timedOut)) {
      addNote(`transient:${r.op.template}:${r.req.mutation}:${was}`, `${was} for ${r.req.method} ${r.op.template} ${r.req.mutation} among other requests${r.res.previous ? ` (the connection's previous request: ${r.res.previous})` : ' (new connection)'}; sent again alone: ${res.status} in ${Math.round(res.ms)} ms`);
    }
  }
}

async function fuzzRest(operations) {
  const total = operations.length;
  let done = 0;
  for (const service of SERVICES) {
    const ops = operations.filter((x) => x.service === service);
    stats[service].ops = ops.length;
    for (const op of ops) {
      const now = Date.now();
      const until = now + Math.max(0, (restEnd - now) / (total - done));
      done++;
      if (until <= now + 500) { addNote(`skip:${op.template}`, `out of time: ${op.method} ${op.template} not fuzzed`); continue; }
      let prepared;
      try { prepared = await prepare(op); } catch (e) { addNote(`prepare:${op.template}`, `set-up for ${op.method} ${op.template} failed: ${e.message}`); continue; }
      const reqs = requestsFor(op, prepared.caller, prepared.fx);
      const left = await pool(reqs, o.concurrency, until, (req) => send(op, req));
      stats[service].skipped += left;
      process.stderr.write(`  ${op.method.padEnd(6)} ${op.template.padEnd(44)} ${String(reqs.length - left).padStart(4)} requests${left ? ` (${left} skipped: time)` : ''}\n`);
      await retryAlone();
      if (service === 'call') await endCalls();
    }
  }
}

// ---------- keep-alive after an early answer ----------
/**
 * The gateway may answer (413, 401, 404) before it has read a request's body. The connection must
 * then be closed or the body skipped: the next request on the same connection must be served.
 */
async function connectionProbe() {
  const me = { authorization: `Bearer ${A.token}` };
  const big = (n) => JSON.stringify({ content: 'x', receiverId: B.id, pad: 'p'.repeat(n) });
  const cases = [
    ['2m-body', 'POST', '/api/v1/messages', { ...me, 'content-type': 'application/json' }, big(2 << 20)],
    ['2m-body-chunked', 'POST', '/api/v1/messages', { ...me, 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, big(2 << 20)],
    ['900k-body-no-token', 'POST', '/api/v1/messages', { 'content-type': 'application/json' }, big(900 * 1024)],
    ['900k-body-unrouted', 'POST', '/api/v1/nowhere', { ...me, 'content-type': 'application/json' }, big(900 * 1024)],
    ['100k-body-no-token', 'POST', '/api/v1/groups', { 'content-type': 'application/json' }, big(100 * 1024)],
  ];
  for (const [label, method, p, headers, body] of cases) {
    const agent = new nodeHttp.Agent({ keepAlive: true, maxSockets: 1 });
    const first = await rawHttp(o.base, method, p, { headers, body, agent, timeoutMs: TIMEOUT_MS });
    const next = await rawHttp(o.base, 'GET', '/api/v1/auth/me', { headers: me, agent, timeoutMs: TIMEOUT_MS });
    probes.push(`${label}: ${first.status || first.error} then ${next.timedOut ? 'timeout' : next.status || next.error}`);
    if (label.startsWith('2m') && first.status >= 200 && first.status < 300) {
      addFinding({ kind: 'body-limit', service: 'gateway', method, template: p, mutation: label, status: first.status,
        request: { method, path: p, headers: { ...headers, authorization: 'Bearer <valid>' }, body: excerpt(body, 60) },
        response: `a ${Buffer.byteLength(body)}-byte body was accepted (the gateway's limit is 1 MB): ${excerpt(first.text, 160)}` });
    }
    if (next.status !== 200) {
      addFinding({ kind: 'connection', service: 'gateway', method, template: p, mutation: `keep-alive-after:${label}`,
        status: `${first.status || first.error}, then ${next.timedOut ? 'timeout' : next.status || next.error}`,
        request: { method, path: p, headers: { ...headers, ...(headers.authorization ? { authorization: 'Bearer <valid>' } : {}) }, body: excerpt(body, 60) },
        response: `${first.status}${first.headers?.connection ? ` (connection: ${first.headers.connection})` : ''} ${excerpt(first.text, 100)} | then GET /api/v1/auth/me on the same connection: ${next.timedOut ? `no answer in ${TIMEOUT_MS / 1000}s` : `${next.status} ${excerpt(next.text, 150)}`}` });
    }
    agent.destroy();
  }
  // Many answers made by the gateway itself (edge 401, HTTP-decoder 400) on one kept-alive
  // connection, each followed by a valid request on it.
  for (const [label, first] of [['401', { path: '/api/v1/auth/me', headers: {} }], ['400-bad-escape', { path: '/api/v1/users/%zz', headers: me }]]) {
    const agent = new nodeHttp.Agent({ keepAlive: true, maxSockets: 1 });
    let pairs = 0;
    const lost = [];
    for (; pairs < 250 && lost.length < 3 && Date.now() < deadline - SOCKET_SECONDS * 1000; pairs++) {
      await rawHttp(o.base, 'GET', first.path, { headers: first.headers, agent, timeoutMs: 3000 });
      // Not re-sent on a reset (last argument): a connection dropped without an answer counts too.
      const next = await rawHttp(o.base, 'GET', '/api/v1/auth/me', { headers: me, agent, timeoutMs: 3000 }, true);
      if (next.timedOut || next.status === 0) lost.push(`pair ${pairs + 1}: ${next.timedOut ? 'no answer in 3 s' : next.error}`);
    }
    agent.destroy();
    probes.push(`${label}-then-valid x${pairs}: ${lost.length} unanswered`);
    if (lost.length) {
      addFinding({ kind: 'hang', service: 'gateway', method: 'GET', template: first.path, mutation: `keep-alive-after:${label}`,
        status: 'timeout', request: { method: 'GET', path: `${first.path} (${first.headers.authorization ? 'valid token' : 'no token'}), then GET /api/v1/auth/me (valid token) on the same connection`, headers: {}, body: '' },
        response: `the valid request got no answer in ${lost.length} of ${pairs} pairs (${lost.join('; ')}); a new connection answers at once` });
    }
  }
}
const probes = [];

// ---------- socket phase ----------
const sock = { events: 0, emits: 0, acks: 0, ackTimeouts: 0, errorEvents: 0, disconnects: 0, findings: 0 };
function socketFinding(kind, event, mutation, detail) {
  const key = [kind, 'EMIT', event, mutation, ''].join('|');
  if (findings.has(key)) { findings.get(key).count++; return; }
  findings.set(key, { kind, service: 'realtime', method: 'EMIT', template: event, mutation, status: '', response: detail, count: 1 });
  sock.findings++;
}
async function fuzzSockets(fx) {
  const until = deadline - 8000;   // what the REST phase left, at least SOCKET_SECONDS
  const watch = (s, label) => {
    s.on('error', (data) => {
      sock.errorEvents++;
      if (!(data && typeof data === 'object' && typeof data.message === 'string')) socketFinding('socket-error-shape', 'error', label, excerpt(JSON.stringify(data), 200));
      if (LEAK.test(JSON.stringify(data ?? null))) socketFinding('leak', 'error', label, excerpt(JSON.stringify(data), 300));
    });
    s.on('disconnect', (reason) => { s.lastReason = reason; });
    return s;
  };
  const open = async (transports) => watch(await connect(o.base, A.token, transports), transports[0]);
  let sa = await open(['websocket']);
  const sb = await connect(o.base, B.token, ['websocket']);
  const received = [];
  sb.on('message:received', (m) => received.push(m));

  const valid = {
    'message:send': { content: 'fuzz socket', receiverId: B.id },
    'message:edit': { messageId: fx.msgOwn, content: 'fuzz socket edit' },
    'message:delete': { messageId: fx.msgOwn },
    'typing:start': { receiverId: B.id },
    'typing:stop': { groupId: fx.groupOwn },
    'call:initiate': { type: 'AUDIO', participantIds: [B.id] },
    'call:answer': { callId: fx.callForeign },
    'call:reject': { callId: fx.callForeign },
    'call:end': { callId: fx.callOwn },
    'call:participant:leave': { callId: fx.callOwn },
  };
  const generic = [['no-args', []], ['null', [null]], ['zero', [0]], ['number', [123]], ['float', [1.5]], ['true', [true]],
    ['empty-string', ['']], ['string', ['hello']], ['json-string', ['{"content":"x"}']], ['10k-string', ['x'.repeat(10000)]],
    ['empty-array', [[]]], ['array', [[1, 'a', null]]], ['empty-object', [{}]], ['unknown-fields', [{ foo: 'bar' }]],
    ['deep-object', [deepObject(100)]], ['many-keys', [manyKeys(1000)]], ['binary', [Buffer.from([0, 1, 2, 255])]],
    ['nul-string', ['a\u0000b']], ['proto', [JSON.parse('{"__proto__":{"x":1}}')]]];
  const fieldJunk = [['null', null], ['number', 123], ['string', 'not-a-uuid'], ['empty', ''], ['object', {}], ['array', [1]],
    ['true', true], ['random-uuid', uuid()], ['nul', 'a\u0000b'], ['10k', 'y'.repeat(10000)], ['upper', uuid().toUpperCase()]];
  const cases = [];
  for (const [event, ok] of Object.entries(valid)) {
    for (const [label, a] of generic) cases.push([event, label, a]);
    cases.push([event, 'multi-args', [ok, 'extra', 42]]);
    for (const field of Object.keys(ok)) {
      const missing = { ...ok }; delete missing[field];
      cases.push([event, `${field}:missing`, [missing]]);
      for (const [label, v] of fieldJunk) cases.push([event, `${field}:${label}`, [{ ...ok, [field]: v }]]);
    }
  }
  const send = valid['message:send'];
  for (const [label, v] of [['content-6000', 'c'.repeat(6000)], ['content-emoji', '😀'.repeat(100)], ['content-control', '\u0001\u001b[0m'],
    ['type-unknown', { ...send, type: 'FOO' }], ['metadata-string', { ...send, metadata: 'x' }], ['metadata-deep', { ...send, metadata: deepObject(300) }],
    ['both-targets', { ...send, groupId: fx.groupOwn }], ['foreign-group', { content: 'x', groupId: fx.groupForeign }],
    ['parent-foreign', { ...send, parentId: fx.msgForeign }], ['self-receiver', { content: 'x', receiverId: A.id }]]) {
    cases.push(['message:send', label, [typeof v === 'string' ? { ...send, content: v } : v]]);
  }
  for (const [label, v] of [['1000-participants', Array.from({ length: 1000 }, () => uuid())], ['string', 'x'], ['not-uuid-item', ['x']]]) {
    cases.push(['call:initiate', `participantIds:${label}`, [{ type: 'AUDIO', participantIds: v }]]);
  }
  for (const [event, ok] of Object.entries(valid)) cases.push([event, 'valid', [ok]]);   // the valid ones last: they change state
  const events = new Set(cases.map((c) => c[0]));
  sock.events = events.size;

  const reconnectIfKilled = async (event, label, oversized) => {
    await sleep(30);
    if (sa.connected) return;
    sock.disconnects++;
    if (oversized) addNote(`socket-oversize:${label}`, `socket closed by the server (${sa.lastReason}) after an oversized ${event} payload (${label})`);
    else socketFinding('socket-killed', event, label, `disconnect reason: ${sa.lastReason}`);
    sa.close();
    sa = await open(['websocket']);
  };
  const emitAck = async (s, event, label, a, oversized = false) => {
    sock.emits++;
    const reply = await new Promise((resolve) => s.timeout(TIMEOUT_MS).emit(event, ...a, (err, r) => resolve(err ? { timeout: true } : { r })));
    if (reply.timeout) {
      sock.ackTimeouts++;
      if (!oversized && s.connected) socketFinding('socket-no-ack', event, label, `no ack within ${TIMEOUT_MS / 1000}s`);
    } else {
      sock.acks++;
      const r = reply.r;
      const text = JSON.stringify(r ?? null);
      if (!(r && typeof r === 'object' && typeof r.success === 'boolean')) socketFinding('socket-ack-envelope', event, label, excerpt(text, 200));
      else if (!r.success && !(typeof r.message === 'string' && typeof r.code === 'string')) socketFinding('socket-ack-envelope', event, label, excerpt(text, 200));
      if (LEAK.test(text)) socketFinding('leak', event, label, excerpt(text, 300));
      if (r?.code && ['INTERNAL_ERROR', 'INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE'].includes(r.code)) socketFinding('socket-5xx', event, label, excerpt(text, 200));
    }
  };
  const emitOne = async (s, event, label, a, oversized = false) => {
    await emitAck(s, event, label, a, oversized);
    await reconnectIfKilled(event, label, oversized);
  };

  // A few cases at a time: each with an ack (awaited together), then again without one; then the
  // socket must still be connected (a close is blamed on the window's cases).
  // Binary payloads go alone. After each window a valid typing:start (the canary) must be acked.
  const windows = [];
  for (const c of cases) {
    const last = windows[windows.length - 1];
    if (c[1] === 'binary' || !last || last.length >= 5 || last[0][1] === 'binary') windows.push([c]); else last.push(c);
  }
  for (const [n, win] of windows.entries()) {
    if (Date.now() > until) { addNote('socket-time', `socket phase: out of time, ${windows.length - n} of ${windows.length} windows of payload cases not sent`); break; }
    const blame = win.map((c) => `${c[0]} ${c[1]}`).join(', ');
    await Promise.all(win.map(([event, label, a]) => emitAck(sa, event, label, a)));
    for (const [event, , a] of win) { sock.emits++; sa.emit(event, ...a); }
    await sleep(30);
    await reconnectIfKilled(win.length === 1 ? win[0][0] : 'one of', blame, false);
    const canary = await new Promise((resolve) => sa.timeout(3000).emit('typing:start', { receiverId: B.id }, (err, r) => resolve(err ? null : r)));
    if (!canary?.success) socketFinding('socket-next-packet-lost', win.length === 1 ? win[0][0] : 'one of', blame,
      `a valid typing:start sent right after it got ${canary ? excerpt(JSON.stringify(canary), 120) : 'no ack within 3 s'}`);
    if (win.some(([event, label]) => event === 'call:initiate' && label === 'valid')) await endCalls();
  }
  sock.cases = cases.length;
  // Events nobody listens to: no ack is expected, the socket must survive.
  for (const event of ['fuzz:unknown', 'message:sent', 'x'.repeat(1000)]) {
    sock.emits++; sa.emit(event, { a: 1 }); await reconnectIfKilled(event, 'unknown-event', false);
  }
  // Over the polling transport too (a smaller set).
  try {
    const sp = await open(['polling']);
    for (const [label, a] of generic.slice(0, 10)) {
      if (Date.now() > until) break;
      await emitAck(sp, 'message:send', `polling:${label}`, a);
      if (!sp.connected) { socketFinding('socket-killed', 'message:send', `polling:${label}`, `disconnect reason: ${sp.lastReason}`); break; }
    }
    sp.close();
  } catch (e) { socketFinding('socket-connect', 'polling', 'connect', e.message); }
  // Oversized payloads (beyond the Socket.IO frame limit a close is acceptable: noted, not a finding).
  for (const [label, a] of [['100k-string', [{ ...send, content: 'o'.repeat(100000) }]], ['2m-object', [{ pad: 'p'.repeat(2 << 20) }]]]) {
    if (Date.now() > until) break;
    await emitOne(sa, 'message:send', label, a, true);
  }
  // The server still serves: a valid message:send is acknowledged and delivered.
  endCalls().catch(() => {});
  if (!sa.connected) sa = await open(['websocket']);
  const before = received.length;
  const final = await new Promise((resolve) => sa.timeout(TIMEOUT_MS).emit('message:send', { content: `fuzz final ${runTag}`, receiverId: B.id },
    (err, r) => resolve(err ? null : r)));
  const t0 = Date.now();
  while (Date.now() - t0 < 5000 && !received.slice(before).some((m) => m?.content === `fuzz final ${runTag}`)) await sleep(50);
  const delivered = received.slice(before).some((m) => m?.content === `fuzz final ${runTag}`);
  if (!final?.success) socketFinding('server-stopped', 'message:send', 'final-valid', `ack: ${excerpt(JSON.stringify(final), 200)}`);
  else if (!delivered) socketFinding('server-stopped', 'message:send', 'final-valid', 'acked but not received by the peer within 5 s');
  sock.finalOk = !!final?.success && delivered;
  sa.close(); sb.close();
}

// ---------- service logs (optional) ----------
function logOffsets() {
  if (!o.logs) return {};
  return Object.fromEntries(fs.readdirSync(o.logs).filter((f) => f.endsWith('.log')).map((f) => [f, fs.statSync(path.join(o.logs, f)).size]));
}
function logExceptions(offsets) {
  const out = [];
  for (const [file, from] of Object.entries(offsets)) {
    const full = path.join(o.logs, file);
    const size = fs.statSync(full).size;
    if (size <= from) continue;
    const fd = fs.openSync(full, 'r');
    const buf = Buffer.alloc(Math.min(size - from, 50 << 20));
    fs.readSync(fd, buf, 0, buf.length, from);
    fs.closeSync(fd);
    const lines = buf.toString('utf8').split('\n');
    const seen = new Map();
    for (let i = 0; i < lines.length; i++) {
      const m = /^\S+\s+(ERROR|WARN)\s+\d+ --- \[[^\]]*\] \[[^\]]*\] (\S+)\s*: (.*)$/.exec(lines[i]);
      if (!m) continue;
      let exception = '';
      let frame = '';
      for (let j = i + 1; j < Math.min(lines.length, i + 200); j++) {
        if (/^\S+\s+(ERROR|WARN|INFO|DEBUG)\s/.test(lines[j])) break;
        if (!exception && /^[\w.$]+(Exception|Error)\b/.test(lines[j])) exception = lines[j].slice(0, 300);
        if (!frame && /^\s+at org\.chatline\./.test(lines[j])) frame = lines[j].trim();
      }
      const norm = (t) => t.replace(/\[[0-9a-f-]+, L:[^\]]*\]/g, '[conn]').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<uuid>').replace(/\d+/g, '#');
      const key = `${m[1]} ${m[2]}: ${norm(m[3].slice(0, 200))} | ${norm(exception.slice(0, 200))}`;
      if (seen.has(key)) seen.get(key).count++;
      else seen.set(key, { level: m[1], logger: m[2], message: m[3].slice(0, 300), exception, frame, count: 1 });
    }
    for (const v of seen.values()) out.push({ file, ...v });
  }
  return out;
}

// ---------- health ----------
async function health() {
  const host = new URL(o.base).hostname;
  const out = {};
  for (const [name, port] of Object.entries(HEALTH_PORTS)) {
    const r = await rawHttp(`http://${host}:${port}`, 'GET', '/actuator/health', { timeoutMs: 5000 });
    out[name] = r.status === 200 && r.json?.status === 'UP' ? 'UP' : `${r.status || r.error || 'timeout'} ${excerpt(r.text, 80)}`;
  }
  return out;
}

// ---------- main ----------
const offsets = logOffsets();
const operations = [];
for (const s of SERVICES) operations.push(...await loadOperations(s));
[A, B, C] = await makeUsers(api, 3, 'fz');
process.stderr.write(`fuzz: ${operations.length} operations, seed ${o.seed}, budget ${o.seconds}s\n`);
await fuzzRest(operations);
process.stderr.write('  keep-alive probe\n');
await connectionProbe();

// Socket fixtures: the caller may have changed state during the REST phase; log in again if needed.
if ((await call('GET', '/auth/me', A.token)).status !== 200) {
  const r = await call('POST', '/auth/login', null, { email: A.email, password: A.password });
  A.token = r.json?.data?.accessToken ?? A.token;
}
await endCalls();
const sfx = {
  msgOwn: (await created('POST', '/messages', A.token, { content: 'fuzz socket fixture', receiverId: B.id }, 'message'))?.id,
  msgForeign: (await created('POST', '/messages', B.token, { content: 'fuzz socket foreign', receiverId: C.id }, 'message'))?.id,
  groupOwn: (await created('POST', '/groups', A.token, { title: 'fuzz socket', type: 'PRIVATE' }, 'group'))?.id,
  groupForeign: (await created('POST', '/groups', B.token, { title: 'fuzz socket foreign', type: 'PRIVATE' }, 'group'))?.id,
  callOwn: (await created('POST', '/calls', A.token, { type: 'AUDIO', participantIds: [B.id] }, 'call'))?.call?.id,
};
sfx.callForeign = sfx.callOwn;   // B is its callee: answer/reject act on it
process.stderr.write('  socket events\n');
try { await fuzzSockets(sfx); } catch (e) { socketFinding('socket-phase', 'socket', 'setup', e.message); }
await endCalls().catch(() => {});

const healthAfter = await health();
for (const [name, state] of Object.entries(healthAfter)) {
  if (state !== 'UP') addFinding({ kind: 'unhealthy', service: name, method: 'GET', template: `:${HEALTH_PORTS[name]}/actuator/health`, mutation: 'after run', status: state, response: state });
}
const logged = o.logs ? logExceptions(offsets) : [];
const seconds = (Date.now() - started) / 1000;

// ---------- report ----------
const totalRequests = Object.values(stats).reduce((n, s) => n + s.requests, 0);
const totalHist = {};
for (const s of Object.values(stats)) for (const [k, v] of Object.entries(s.hist)) totalHist[k] = (totalHist[k] ?? 0) + v;
const hist = (h) => Object.entries(h).sort().map(([k, v]) => `${k}:${v}`).join(' ');
console.log(`\nfuzz  base=${o.base}  seed=${o.seed}  budget=${o.seconds}s  duration=${seconds.toFixed(1)}s  requests=${totalRequests}  emits=${sock.emits}`);
console.log(`${'service'.padEnd(9)}${'ops'.padStart(5)}${'requests'.padStart(10)}${'skipped'.padStart(9)}${'findings'.padStart(10)}${'p50ms'.padStart(7)}${'p95ms'.padStart(7)}  statuses`);
for (const [name, s] of Object.entries(stats)) {
  const p = percentiles(s.ms ?? []);
  console.log(`${name.padEnd(9)}${String(s.ops).padStart(5)}${String(s.requests).padStart(10)}${String(s.skipped).padStart(9)}${String(s.findings).padStart(10)}${String(Math.round(p.p50 ?? 0)).padStart(7)}${String(Math.round(p.p95 ?? 0)).padStart(7)}  ${hist(s.hist)}`);
}
console.log(`${'all'.padEnd(9)}${String(operations.length).padStart(5)}${String(totalRequests).padStart(10)}${''.padStart(9)}${String(findings.size).padStart(10)}${''.padStart(14)}  ${hist(totalHist)}`);
console.log(`keep-alive probe  ${probes.join('  ')}`);
console.log(`socket   events=${sock.events} cases=${sock.cases} emits=${sock.emits} acks=${sock.acks} ack-timeouts=${sock.ackTimeouts} error-events=${sock.errorEvents} disconnects=${sock.disconnects} final-send-ok=${!!sock.finalOk} findings=${sock.findings}`);
console.log(`health   ${Object.entries(healthAfter).map(([k, v]) => `${k}:${v}`).join('  ')}`);

const list = [...findings.values()];
// One entry per (kind, mutation, status, answer): the operations it was seen on are listed together.
const grouped = new Map();
for (const f of list) {
  const mutation = f.mutation.replace(/^path\.\w+:/, 'path.<id>:');
  // Failures of the server's own making group by their answer; the others by what was sent.
  const byAnswer = ['5xx', 'envelope', 'leak'].includes(f.kind);
  const key = [f.kind, mutation, byAnswer ? f.status : '', byAnswer ? (f.response ?? '').slice(0, 160) : ''].join('|');
  const g = grouped.get(key) ?? { ...f, mutation, ops: [], total: 0 };
  g.ops.push(`${f.method} ${f.template}`);
  g.total += f.count;
  grouped.set(key, g);
}
console.log(`\nFindings: ${grouped.size} distinct (${list.length} operation/mutation pairs)`);
[...grouped.values()].forEach((f, i) => {
  const ops = [...new Set(f.ops)];
  console.log(`${String(i + 1).padStart(3)}. [${f.kind}] mutation=${f.mutation}  status=${f.status}  x${f.total}  on ${ops.length} operation(s): ${ops.join(', ')}`);
  if (f.request) console.log(`     e.g. request:  ${f.request.method} ${f.request.path}  headers=${JSON.stringify(f.request.headers)}  body="${f.request.body}"${f.requestId ? `  (x-request-id ${f.requestId.split(',')[0]})` : ''}`);
  if (f.response) console.log(`     response: ${f.response}`);
});
slowest.sort((a, b) => b.ms - a.ms);
console.log(`\nSlowest requests: ${slowest.slice(0, 5).map((x) => `${x.ms} ms ${x.what}`).join(' | ')}`);
if (notes.size) {
  console.log(`\nNotes (not findings): ${notes.size}`);
  for (const n of notes.values()) console.log(`   - ${n.text}${n.count > 1 ? `  (x${n.count})` : ''}`);
}
if (logged.length) {
  console.log(`\nService log WARN/ERROR lines during the run (distinct): ${logged.length}`);
  for (const l of logged) {
    console.log(`   - ${l.file} ${l.level} x${l.count} ${l.logger}: ${l.message}`);
    if (l.exception) console.log(`       ${l.exception}`);
    if (l.frame) console.log(`       ${l.frame}`);
  }
}
if (o.out) fs.writeFileSync(o.out, JSON.stringify({ seed: o.seed, seconds, stats: Object.fromEntries(Object.entries(stats).map(([k, v]) => [k, { ...v, ms: percentiles(v.ms ?? []) }])), probes, socket: sock, health: healthAfter, findings: list, notes: [...notes.values()], logged }, null, 2));
clearTimeout(watchdog);
process.exit(list.length ? 1 : 0);
