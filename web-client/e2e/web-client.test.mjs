// The web client in a real browser (the machine's Chromium, driven by playwright-core) against a
// running platform: GATEWAY_URL (default http://localhost:3000). Every test uses fresh users.
// Screenshots go to SCREENSHOTS_DIR (default ./screenshots). Rate limits must be off on the
// platform (the launcher's E2E platform and `RATE_LIMIT_ENABLED=false ./run.sh` do that).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const BASE = process.env.GATEWAY_URL ?? 'http://localhost:3000';
const SHOTS = process.env.SCREENSHOTS_DIR ?? 'screenshots';
const PASSWORD = 'Password123';
const WAIT = 15_000;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser;

before(async () => {
	mkdirSync(SHOTS, { recursive: true });
	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
			'--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
	});
});

after(async () => {
	await browser?.close();
});

function name(prefix) {
	return `${prefix}_${randomBytes(4).toString('hex')}`;
}

async function rest(method, path, body, token) {
	const response = await fetch(`${BASE}/api/v1${path}`, {
		method,
		headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const envelope = await response.json();
	assert.ok(envelope.success, `${method} ${path}: ${response.status} ${JSON.stringify(envelope)}`);
	return envelope.data;
}

/** A user registered over REST and signed in in a browser context of their own. */
async function signedIn(prefix, viewport = { width: 1200, height: 800 }) {
	const username = name(prefix);
	const email = `${username}@example.test`;
	await rest('POST', '/auth/register', { username, email, password: PASSWORD });
	const session = await rest('POST', '/auth/login', { email, password: PASSWORD });
	const context = await browser.newContext({ viewport });
	await context.addInitScript((stored) => {
		if (!localStorage.getItem('chatline.session')) localStorage.setItem('chatline.session', stored);
	}, JSON.stringify(session));
	const page = await context.newPage();
	watchErrors(page, prefix);
	await page.goto(BASE + '/');
	await page.getByRole('button', { name: 'Log out' }).waitFor({ timeout: WAIT });
	await online(page);
	return { username, id: session.user.id, token: session.accessToken, context, page };
}

/** Alice and Bob, each in a browser of their own, Alice in her conversation with Bob. */
async function aliceAndBob() {
	const alice = await signedIn('alice');
	const bob = await signedIn('bob');
	await openDirect(alice.page, bob);
	return [alice, bob];
}

/** Alice writes; Bob sees the conversation arrive in his list, live, opens it and reads it. */
async function firstMessage(alice, bob, text) {
	await send(alice.page, text);
	await bob.page.getByRole('link', { name: new RegExp(alice.username) }).click();
	await message(bob.page, text).waitFor({ timeout: WAIT });
}

async function closeAll(...people) {
	await Promise.all(people.map((p) => p.context.close()));
}

function watchErrors(page, who) {
	page.on('pageerror', (error) => console.error(`[${who}] page error: ${error.message}`));
	page.on('console', (message) => {
		if (message.type() === 'error') console.error(`[${who}] console: ${message.text()}`);
	});
}

async function online(page) {
	await page.locator('.connection', { hasText: 'Online' }).waitFor({ timeout: WAIT });
}

async function openDirect(page, other) {
	await page.getByLabel('Find people').fill(other.username);
	await page.getByRole('link', { name: `Message ${other.username}` }).click();
	await page.getByRole('heading', { name: other.username }).waitFor({ timeout: WAIT });
}

async function send(page, text) {
	await page.getByLabel('Message', { exact: true }).fill(text);
	await page.getByRole('button', { name: 'Send' }).click();
}

function message(page, text) {
	return page.locator('.message', { hasText: text });
}

async function axe(page, label) {
	// Evaluated over the DevTools protocol: the page's CSP (no inline script) stays enforced.
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
	const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
	const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	assert.deepEqual(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), [],
		`axe found serious violations on ${label}`);
}

async function shot(page, file) {
	await page.screenshot({ path: `${SHOTS}/${file}.png` });
}

test('registration shows the contract\'s validation errors inline, then signs the user in', async () => {
	const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
	const page = await context.newPage();
	watchErrors(page, 'register');
	await page.goto(BASE + '/register');
	await axe(page, 'the registration page');
	await page.getByLabel('Username').fill('x!');
	await page.getByLabel('Email').fill('not-an-email');
	await page.getByLabel('Password').fill('short');
	await page.getByRole('button', { name: 'Create account' }).click();
	await page.locator('#username-error').filter({ hasText: /\S/ }).waitFor({ timeout: WAIT });
	assert.equal(await page.getByLabel('Username').getAttribute('aria-invalid'), 'true');
	await shot(page, 'register-validation');
	const username = name('reg');
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Email').fill(`${username}@example.test`);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await page.getByRole('button', { name: 'Log out' }).waitFor({ timeout: WAIT });
	await online(page);
	await axe(page, 'the empty conversation list');
	await page.getByRole('button', { name: 'Log out' }).click();
	await page.getByRole('heading', { name: 'Log in' }).waitFor({ timeout: WAIT });
	await shot(page, 'login');
	await context.close();
});

test('an expired access token is refreshed before use, and the socket connects with the fresh one', async () => {
	const username = name('sleepy');
	const email = `${username}@example.test`;
	await rest('POST', '/auth/register', { username, email, password: PASSWORD });
	const session = await rest('POST', '/auth/login', { email, password: PASSWORD });
	// A token that expired long ago (exp: 1970), with the session's real refresh token.
	const expired = `e30.${Buffer.from(JSON.stringify({ exp: 1 })).toString('base64url')}.x`;
	const context = await browser.newContext();
	await context.addInitScript((stored) => localStorage.setItem('chatline.session', stored),
		JSON.stringify({ ...session, accessToken: expired }));
	const page = await context.newPage();
	watchErrors(page, 'sleepy');
	await page.goto(BASE + '/');
	await online(page);
	await page.getByText('No conversations yet').waitFor({ timeout: WAIT });
	const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('chatline.session')));
	assert.notEqual(stored.accessToken, expired);
	assert.notEqual(stored.refreshToken, session.refreshToken, 'the refresh token rotated');
	await context.close();
});

test('two people chat live both ways: typing, seen ticks, reactions, edit and delete', async () => {
	const [alice, bob] = await aliceAndBob();
	try {
		await firstMessage(alice, bob, 'Hello Bob');
		// Opened on screen: Alice's tick turns to seen.
		await message(alice.page, 'Hello Bob').locator('[data-status="SEEN"]').waitFor({ timeout: WAIT });

		await bob.page.getByLabel('Message', { exact: true }).pressSequentially('Hi Al', { delay: 30 });
		await alice.page.getByText(`${bob.username} is typing…`).waitFor({ timeout: WAIT });
		await bob.page.getByLabel('Message', { exact: true }).pressSequentially('ice!', { delay: 30 });
		await bob.page.getByRole('button', { name: 'Send' }).click();
		await message(alice.page, 'Hi Alice!').waitFor({ timeout: WAIT });
		await alice.page.getByText(`${bob.username} is typing…`).waitFor({ state: 'hidden', timeout: WAIT });

		await message(alice.page, 'Hi Alice!').getByRole('button', { name: 'React' }).click();
		await alice.page.getByRole('button', { name: 'React with 👍' }).click();
		await message(bob.page, 'Hi Alice!').getByRole('button', { name: /👍 1/ }).waitFor({ timeout: WAIT });

		await message(alice.page, 'Hello Bob').getByRole('button', { name: 'Edit' }).click();
		await alice.page.getByLabel('Edit message').fill('Hello Bob, edited');
		await alice.page.getByRole('button', { name: 'Save' }).click();
		await message(bob.page, 'Hello Bob, edited').locator('.edited').waitFor({ timeout: WAIT });

		await shot(alice.page, 'conversation');
		await axe(alice.page, 'a conversation');

		await message(alice.page, 'Hello Bob, edited').getByRole('button', { name: 'Delete' }).click();
		await alice.page.getByRole('button', { name: 'Yes, delete' }).click();
		await message(bob.page, 'This message was deleted').waitFor({ timeout: WAIT });
		assert.equal(await message(bob.page, 'Hello Bob').count(), 0);

		const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, storageState: await bob.context.storageState() });
		const phonePage = await phone.newPage();
		await phonePage.goto(BASE + '/');
		await phonePage.getByRole('link', { name: new RegExp(alice.username) }).waitFor({ timeout: WAIT });
		await shot(phonePage, 'phone-list');
		await phonePage.getByRole('link', { name: new RegExp(alice.username) }).click();
		await message(phonePage, 'Hi Alice!').waitFor({ timeout: WAIT });
		await shot(phonePage, 'phone-conversation');
		await phone.close();
	}
	finally {
		await closeAll(alice, bob);
	}
});

test('a group of three with a reply in a thread; a removed member stops receiving', async () => {
	const alice = await signedIn('alice');
	const bob = await signedIn('bob');
	const carol = await signedIn('carol');
	try {
		await alice.page.getByRole('link', { name: 'New group' }).click();
		await alice.page.getByLabel('Name').fill('Project team');
		await alice.page.getByRole('button', { name: 'Create group' }).click();
		await alice.page.getByRole('heading', { name: 'Project team' }).waitFor({ timeout: WAIT });
		await alice.page.getByRole('button', { name: 'Members' }).click();
		for (const member of [bob, carol]) {
			await alice.page.getByLabel('Add someone').fill(member.username);
			await alice.page.getByRole('button', { name: `Add ${member.username}` }).click();
			await alice.page.locator('.members li', { hasText: member.username }).waitFor({ timeout: WAIT });
		}
		await shot(alice.page, 'group-members');
		await axe(alice.page, 'the group with its members');

		await send(alice.page, 'Welcome both');
		// Being added is not pushed to the new members (and the first message may race their
		// sockets' joining the group's room): they see the group when they next open the app.
		for (const member of [bob, carol]) {
			await member.page.reload();
			await online(member.page);
			await member.page.getByRole('link', { name: /Project team/ }).click({ timeout: WAIT });
			await message(member.page, 'Welcome both').waitFor({ timeout: WAIT });
		}
		// Carol answers in the thread of Alice's message (a reply: parentId).
		await message(carol.page, 'Welcome both').getByRole('button', { name: 'Reply' }).click();
		await carol.page.getByText(`Replying to ${alice.username}: Welcome both`).waitFor({ timeout: WAIT });
		await send(carol.page, 'Thanks from Carol');
		await message(carol.page, 'Thanks from Carol').locator('.quote', { hasText: 'Welcome both' }).waitFor({ timeout: WAIT });
		await message(bob.page, 'Thanks from Carol').waitFor({ timeout: WAIT });
		await message(alice.page, 'Thanks from Carol').waitFor({ timeout: WAIT });
		await shot(carol.page, 'group-thread');

		await alice.page.getByRole('button', { name: `Remove ${carol.username}` }).click();
		await alice.page.locator('.members li', { hasText: carol.username }).waitFor({ state: 'detached', timeout: WAIT });
		await send(alice.page, 'Only for the two of us');
		await message(bob.page, 'Only for the two of us').waitFor({ timeout: WAIT });
		// Bob has it; had Carol been sent it, she would have it by now too.
		await carol.page.waitForTimeout(1500);
		assert.equal(await message(carol.page, 'Only for the two of us').count(), 0);
		await send(carol.page, 'Can I still write?');
		await message(carol.page, 'Can I still write?').locator('.failed').waitFor({ timeout: WAIT });
		assert.equal(await message(bob.page, 'Can I still write?').count(), 0);
	}
	finally {
		await closeAll(alice, bob, carol);
	}
});

test('messages typed offline are sent once when the connection is back', async () => {
	const [alice, bob] = await aliceAndBob();
	try {
		await firstMessage(alice, bob, 'Before the tunnel');

		await alice.context.setOffline(true);
		await alice.page.locator('.connection.down').waitFor({ timeout: WAIT });
		await send(alice.page, 'Typed in the tunnel 1');
		await send(alice.page, 'Typed in the tunnel 2');
		await message(alice.page, 'Typed in the tunnel 2').locator('[data-status="PENDING"]').waitFor({ timeout: WAIT });
		await shot(alice.page, 'offline');
		await alice.context.setOffline(false);

		for (const text of ['Typed in the tunnel 1', 'Typed in the tunnel 2']) {
			await message(bob.page, text).waitFor({ timeout: WAIT });
			await message(alice.page, text).locator('[data-status="SEEN"], [data-status="DELIVERED"], [data-status="SENT"]').waitFor({ timeout: WAIT });
		}
		await bob.page.waitForTimeout(1000);
		for (const page of [alice.page, bob.page]) {
			assert.equal(await message(page, 'Typed in the tunnel 1').count(), 1);
			assert.equal(await message(page, 'Typed in the tunnel 2').count(), 1);
		}
		const history = await rest('GET', `/messages/direct/${bob.id}?limit=10`, undefined, alice.token);
		assert.equal(history.filter((m) => m.content?.startsWith('Typed in the tunnel')).length, 2, JSON.stringify(history));
	}
	finally {
		await closeAll(alice, bob);
	}
});

test('a call rings on the other side and is accepted (the Jitsi room is not loaded)', async () => {
	const [alice, bob] = await aliceAndBob();
	try {
		await alice.page.getByRole('button', { name: 'Video call' }).click();
		await alice.page.getByText(`Calling ${bob.username}…`).waitFor({ timeout: WAIT });
		const ringing = bob.page.getByRole('alertdialog', { name: 'Incoming video call' });
		await ringing.waitFor({ timeout: WAIT });
		await ringing.getByText(alice.username).waitFor({ timeout: WAIT });
		await shot(bob.page, 'call-ringing');
		await ringing.getByRole('button', { name: 'Accept' }).click();
		await alice.page.getByText(`${bob.username} joined`).waitFor({ timeout: WAIT });
		const room = bob.page.getByRole('link', { name: 'Open the call room' });
		assert.match(await room.getAttribute('href'), /jwt=/);
		await alice.page.getByRole('button', { name: 'End call' }).click();
		await bob.page.getByRole('link', { name: 'Open the call room' }).waitFor({ state: 'detached', timeout: WAIT });
	}
	finally {
		await closeAll(alice, bob);
	}
});
