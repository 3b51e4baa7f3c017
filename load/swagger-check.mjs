// Swagger UI check: what a newcomer does at /api/docs, done by a real headless Chromium. Opens the
// gateway's Swagger UI, selects every service's definition in the top bar and counts the operations
// it renders (each must match the service's OpenAPI document), then authorizes with a bearer token
// and uses "Try it out" -> "Execute": POST /api/v1/messages (expects 201), GET /api/v1/auth/me
// (expects 200, so the token from "Authorize" is sent), and after logging out of "Authorize" the
// same GET again (expects 401 with the error envelope). Console errors, page errors and failed
// spec documents fail the check.
//
//   node swagger-check.mjs                                  (platform running: ./run.sh)
//   node swagger-check.mjs --gateway http://127.0.0.1:3000 --chromium /usr/bin/chromium --shots /tmp
//
// Uses the system Chromium (playwright-core downloads no browser). Stays on loopback: any request
// the page makes to another host is aborted and fails the check. Stops by itself (--timeout seconds).
import { chromium } from 'playwright-core';
import { args, http, makeUsers } from './lib.mjs';

const o = args({
  gateway: 'http://127.0.0.1:3000',
  chromium: '/usr/bin/chromium',
  shots: '',      // a folder: screenshot of the page when the check fails
  timeout: 120,   // overall bound, seconds
});

// Top-bar name -> service: the names the gateway's springdoc.swagger-ui.urls gives them.
const DEFINITIONS = { auth: 'auth', users: 'user', messages: 'message', groups: 'group', calls: 'call' };
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const overall = setTimeout(() => { console.error(`FAIL: still running after ${o.timeout}s`); process.exit(2); },
  o.timeout * 1000);
const problems = [];   // console errors, page errors, failed requests: each fails the check
let expectedError = null;   // a URL part whose 4xx the browser may log while a 401 is expected
const check = (ok, what) => { if (!ok) throw new Error(what); };

// Two users over plain HTTP: the first one authorizes in the browser, the second receives its message.
const api = `${o.gateway}/api/v1`;
const [me, peer] = await makeUsers(api, 2, 'sw');

const browser = await chromium.launch({ executablePath: o.chromium, args: ['--no-sandbox'], timeout: 30000 });
const page = await browser.newPage();
page.setDefaultTimeout(15000);
const gatewayOrigin = new URL(o.gateway).origin;
await page.route('**/*', (route) => {
  const url = new URL(route.request().url());
  if (url.origin === gatewayOrigin || url.protocol === 'data:') return route.continue();
  problems.push(`request to another host aborted: ${url.href}`);
  return route.abort();
});
page.on('console', (m) => {
  if (m.type() !== 'error') return;
  if (expectedError && (m.location()?.url ?? '').includes(expectedError)) return;
  problems.push(`console error: ${m.text()} (${m.location()?.url ?? ''})`);
});
page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
page.on('response', (r) => {
  const u = r.url();
  if ((u.includes('api-docs') || u.includes('swagger')) && r.status() >= 400) problems.push(`${r.status()} for ${u}`);
});

/** Selects a definition in the top bar and waits until its operations are rendered. */
async function selectDefinition(name) {
  const service = DEFINITIONS[name];
  const current = await page.locator('.topbar select').inputValue();
  if (!current.includes(`/${service}/`)) {   // else it is the selected one already (loaded first)
    const spec = page.waitForResponse((r) => r.url().endsWith(`/api/docs/${service}/v3/api-docs`));
    await page.locator('.topbar select').selectOption({ label: name });
    const res = await spec;
    check(res.ok(), `${name}: its OpenAPI document answered ${res.status()}`);
  }
  await page.locator('.information-container .title', { hasText: `${service}-service` }).waitFor();
  await page.locator('.opblock').first().waitFor();
}

/** The operation block of `method path` in the selected definition, expanded. */
async function operation(method, path) {
  const block = page.locator(`.opblock-${method.toLowerCase()}`, {
    has: page.locator(`.opblock-summary-path[data-path="${path}"]`),
  });
  check(await block.count() === 1, `${method} ${path}: ${await block.count()} operation blocks`);
  if (!(await block.locator('.opblock-body').count())) await block.locator('.opblock-summary-control').click();
  await block.locator('.opblock-body').waitFor();
  return block;
}

/** "Try it out" (once), optional request body, "Execute": the status and body Swagger UI shows. */
async function execute(block, urlPart, body) {
  if (await block.locator('button.try-out__btn', { hasText: 'Try it out' }).count()) {
    await block.locator('button.try-out__btn').click();
  }
  if (body !== undefined) await block.locator('textarea.body-param__text').fill(JSON.stringify(body, null, 2));
  if (await block.locator('button.btn-clear').count()) await block.locator('button.btn-clear').click();
  const sent = page.waitForRequest((r) => r.url().includes(urlPart) && r.resourceType() === 'fetch');
  await block.locator('button.execute').click();
  const request = await sent;
  const status = block.locator('.live-responses-table tr.response .response-col_status');
  await status.waitFor();
  const text = await block.locator('.live-responses-table .response-col_description pre').first().innerText();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return {
    status: Number(/\d{3}/.exec(await status.innerText())?.[0]),   // may say "Undocumented" too
    undocumented: (await status.locator('.response-undocumented').count()) > 0,
    json,
    url: request.url(),
    authorization: (await request.allHeaders()).authorization ?? null,
  };
}

/** The "Authorize" dialog: log in with `token`, or log out when `token` is null. */
async function authorize(token) {
  await page.locator('.auth-wrapper .btn.authorize').click();
  const dialog = page.locator('.dialog-ux .modal-ux');
  await dialog.waitFor();
  if (token) {
    await dialog.locator('.auth-container input').fill(token);
    await dialog.locator('button.authorize', { hasText: 'Authorize' }).click();
    await dialog.locator('button', { hasText: 'Logout' }).waitFor();
  } else {
    await dialog.locator('button', { hasText: 'Logout' }).click();
    await dialog.locator('.auth-container input').waitFor();
  }
  await dialog.locator('button.btn-done').click();
  await dialog.waitFor({ state: 'detached' });
  const locked = await page.locator('.auth-wrapper .btn.authorize.locked').count();
  check(Boolean(locked) === Boolean(token), `Authorize button is ${locked ? 'locked' : 'unlocked'} after ${token ? 'login' : 'logout'}`);
}

let failed = false;
const summary = { definitions: {}, statuses: {}, unrouted: {} };
try {
  const docs = await page.goto(`${o.gateway}/api/docs`, { timeout: 20000 });
  check(docs.ok(), `GET /api/docs: ${docs.status()}`);
  await page.locator('#swagger-ui section.swagger-ui').waitFor();
  await page.locator('.topbar select').waitFor();

  // Every service's definition is in the dropdown, loads, and renders all its operations.
  const labels = await page.locator('.topbar select option').allInnerTexts();
  for (const name of Object.keys(DEFINITIONS)) check(labels.includes(name), `definition ${name} missing: ${labels}`);
  for (const name of Object.keys(DEFINITIONS)) {
    await selectDefinition(name);
    const spec = (await http(o.gateway, 'GET', `/api/docs/${DEFINITIONS[name]}/v3/api-docs`)).json;
    const expected = Object.values(spec.paths).reduce((n, p) => n + METHODS.filter((m) => p[m]).length, 0);
    const rendered = await page.locator('.opblock').count();
    check(rendered === expected, `${name}: ${rendered} operation blocks rendered, the document has ${expected}`);
    summary.definitions[name] = rendered;
    // Documented paths the gateway does not route (a GET answers its own 404 "Route not found"):
    // "Execute" could not reach them from the page.
    for (const path of Object.keys(spec.paths)) {
      const res = await http(o.gateway, 'GET', path.replace(/\{[^}]+\}/g, '00000000-0000-0000-0000-000000000000'));
      if (res.status === 404 && res.json?.message === 'Route not found') (summary.unrouted[name] ??= []).push(path);
    }
    check(!summary.unrouted[name], `${name} documents paths the gateway does not route: ${summary.unrouted[name]}`);
  }

  // Authorize with the token, then send a direct TEXT message to the second user from the page.
  await selectDefinition('messages');
  await authorize(me.token);
  const send = await execute(await operation('POST', '/api/v1/messages'), '/api/v1/messages',
    { content: 'hello from Swagger UI', type: 'TEXT', receiverId: peer.id });
  check(send.url === `${o.gateway}/api/v1/messages`, `"Execute" called ${send.url}`);
  check(send.authorization === `Bearer ${me.token}`, `POST sent authorization ${send.authorization}`);
  check(send.status === 201, `POST /api/v1/messages: ${send.status} ${JSON.stringify(send.json)}`);
  check(send.json?.success === true && send.json.data?.receiverId === peer.id, `POST body ${JSON.stringify(send.json)}`);
  summary.statuses['POST /api/v1/messages'] = `${send.status}${send.undocumented ? ' (not in the document)' : ''}`;

  // A GET that needs the token, in another definition. Swagger UI's top bar drops the authorization
  // when the definition changes (unless persistAuthorization is configured): authorize again then.
  await selectDefinition('auth');
  summary.carried = (await page.locator('.auth-wrapper .btn.authorize.locked').count()) > 0;
  if (!summary.carried) await authorize(me.token);
  const meBlock = await operation('GET', '/api/v1/auth/me');
  const who = await execute(meBlock, '/api/v1/auth/me');
  check(who.authorization === `Bearer ${me.token}`, `GET sent authorization ${who.authorization}`);
  check(who.status === 200 && who.json?.data?.id === me.id, `GET /api/v1/auth/me: ${who.status} ${JSON.stringify(who.json)}`);
  summary.statuses['GET /api/v1/auth/me (authorized)'] = who.status;

  // Log out of "Authorize": the same call is refused with the contract's error envelope.
  await authorize(null);
  expectedError = '/api/v1/auth/me';
  const anon = await execute(meBlock, '/api/v1/auth/me');
  expectedError = null;
  check(anon.authorization === null, `GET without authorization still sent ${anon.authorization}`);
  check(anon.status === 401, `GET /api/v1/auth/me without token: ${anon.status}`);
  check(anon.json?.success === false && anon.json.code === 'UNAUTHORIZED' && typeof anon.json.message === 'string',
    `401 body ${JSON.stringify(anon.json)}`);
  summary.statuses['GET /api/v1/auth/me (logged out)'] = `${anon.status} ${anon.json.code}`;

  check(problems.length === 0, `browser problems:\n  ${problems.join('\n  ')}`);
} catch (e) {
  failed = true;
  console.error(`FAIL: ${e.message}`);
  if (problems.length && !e.message.startsWith('browser problems')) {
    console.error(`browser problems:\n  ${problems.join('\n  ')}`);
  }
  if (o.shots) {
    const file = `${o.shots}/swagger-check-failure.png`;
    await page.screenshot({ path: file, fullPage: true, timeout: 10000 }).then(() => console.error(`screenshot: ${file}`), () => {});
  }
} finally {
  await browser.close().catch(() => {});
  clearTimeout(overall);
}

console.log('definitions (operations rendered):');
for (const [name, n] of Object.entries(summary.definitions)) console.log(`  ${name.padEnd(9)} ${n}`);
console.log('calls from "Try it out":');
for (const [call, status] of Object.entries(summary.statuses)) console.log(`  ${call.padEnd(34)} ${status}`);
if (summary.carried !== undefined) {
  console.log(`authorization kept across definitions: ${summary.carried ? 'yes' : 'no (authorized again)'}`);
}
console.log(failed ? 'swagger check FAILED' : 'swagger check passed');
process.exit(failed ? 1 : 0);
