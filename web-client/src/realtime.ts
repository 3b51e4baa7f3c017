/**
 * The socket (official socket.io-client) and the outbox. The socket's `auth` is a callback, so
 * every reconnect presents a fresh access token. Messages are sent over REST with a
 * `clientMessageId` kept in localStorage: typed while the socket is down they wait, and go out
 * once on reconnect (a retry of the same id is answered with the original, never a copy); then
 * `sync` catches the view up with whatever was missed.
 */
import { io, Socket } from 'socket.io-client';
import { api, ApiError, endSession, freshToken } from './api';
import { announce } from './dom';
import {
	keyOf, me, Message, openKey, react, remove, setOnline, setStatus, setTyping, sync, thread, upsert, findMessage,
} from './model';

export let socket: Socket | null = null;
let connected = false;
const connectionListeners = new Set<(up: boolean) => void>();

interface Outgoing {
	clientMessageId: string;
	key: string;
	content: string;
	createdAt: string;
	parentId?: string;
}

function outboxKey(): string {
	return `chatline.outbox.${me()}`;
}

function outbox(): Outgoing[] {
	try {
		return JSON.parse(localStorage.getItem(outboxKey()) ?? '[]');
	}
	catch {
		return [];
	}
}

function saveOutbox(items: Outgoing[]): void {
	localStorage.setItem(outboxKey(), JSON.stringify(items));
}

export function isConnected(): boolean {
	return connected;
}

export function onConnection(listener: (up: boolean) => void): void {
	connectionListeners.add(listener);
	listener(connected);
}

function setConnected(up: boolean): void {
	connected = up;
	connectionListeners.forEach((listener) => listener(up));
}

export function connect(): void {
	if (socket) return;
	socket = io({
		path: '/socket.io',
		auth: (cb) => {
			freshToken().then((token) => cb({ token }), () => cb({}));
		},
	});
	socket.on('connect', () => {
		setConnected(true);
		// After a gap: first the catch-up, then what was typed meanwhile.
		sync().catch(() => {}).finally(() => { flush(); });
	});
	socket.on('disconnect', (reason) => {
		setConnected(false);
		if (reason === 'io server disconnect' && navigator.onLine) {
			endSession('Your session has ended. Please log in again.');
		}
	});
	socket.on('connect_error', (error) => {
		if (/Invalid token|Authentication required/.test(error.message)) endSession('Please log in again.');
	});
	socket.on('error', (data: { message?: string }) => {
		if (data?.message === 'Session ended') endSession('Your session has ended. Please log in again.');
	});
	socket.on('message:received', (m: Message) => {
		const stored = upsert(m);
		receipt(stored);
	});
	socket.on('message:sent', (m: Message) => { upsert(m, false); });
	socket.on('message:edit', (m: Message & { messageId: string }) => {
		const known = findMessage(m.messageId);
		if (known) upsert({ ...known, content: m.content, edited: true, updatedAt: m.updatedAt }, false);
	});
	socket.on('message:delete', ({ messageId }: { messageId: string }) => {
		const known = findMessage(messageId);
		if (known) upsert({ ...known, content: null, deleted: true }, false);
	});
	socket.on('message:status', ({ messageId, userId, status }: { messageId: string; userId: string; status: string }) => {
		setStatus(messageId, userId, status);
	});
	socket.on('message:reaction', (r: { messageId: string; userId: string; emoji: string; action: string }) => {
		react(r.messageId, r.userId, r.emoji, r.action === 'added');
	});
	socket.on('typing:start', (t: { userId: string; groupId?: string }) => setTyping(t.groupId ? `group:${t.groupId}` : `dm:${t.userId}`, t.userId, true));
	socket.on('typing:stop', (t: { userId: string; groupId?: string }) => setTyping(t.groupId ? `group:${t.groupId}` : `dm:${t.userId}`, t.userId, false));
	socket.on('user:online', ({ userId }: { userId: string }) => setOnline(userId, true));
	socket.on('user:offline', ({ userId }: { userId: string }) => setOnline(userId, false));
	window.addEventListener('offline', goOffline);
	window.addEventListener('online', goOnline);
	document.addEventListener('visibilitychange', seeOpenConversation);
}

/** The browser says the network is gone: stop at once rather than after the ping timeout. */
function goOffline(): void {
	socket?.disconnect();
	setConnected(false);
}

function goOnline(): void {
	socket?.connect();
}

export function disconnect(): void {
	window.removeEventListener('offline', goOffline);
	window.removeEventListener('online', goOnline);
	document.removeEventListener('visibilitychange', seeOpenConversation);
	socket?.disconnect();
	socket?.removeAllListeners();
	socket = null;
	setConnected(false);
}

// --- sending --------------------------------------------------------------------------------

export function send(key: string, content: string, parentId?: string): void {
	const item: Outgoing = { clientMessageId: crypto.randomUUID(), key, content, createdAt: new Date().toISOString(), parentId };
	saveOutbox([...outbox(), item]);
	showPending(item);
	if (connected) flush();
}

/** Messages still waiting from an earlier visit are shown as pending too. */
export function showOutbox(): void {
	outbox().forEach(showPending);
}

function showPending(item: Outgoing): void {
	const [kind, id] = item.key.split(':');
	upsert({
		id: item.clientMessageId, clientMessageId: item.clientMessageId, senderId: me(), content: item.content, type: 'TEXT',
		status: 'PENDING', pending: true, createdAt: item.createdAt, parentId: item.parentId,
		receiverId: kind === 'dm' ? id : null, groupId: kind === 'group' ? id : null,
	}, false);
}

let flushing = false;

export async function flush(): Promise<void> {
	if (flushing) return;
	flushing = true;
	try {
		for (let item = outbox()[0]; item; item = outbox()[0]) {
			const [kind, id] = item.key.split(':');
			try {
				const { data } = await api<Message>('POST', '/messages', {
					content: item.content, type: 'TEXT', clientMessageId: item.clientMessageId, parentId: item.parentId,
					...(kind === 'dm' ? { receiverId: id } : { groupId: id }),
				});
				remove(item.key, item.clientMessageId);
				upsert(data, false);
			}
			catch (error) {
				if (error instanceof ApiError && !error.offline && error.status < 500 && error.status !== 429) {
					// Refused for good (not a member any more, invalid): shown as failed, not retried.
					const pending = thread(item.key).messages.get(item.clientMessageId);
					if (pending) upsert({ ...pending, failed: error.message }, false);
					announce(`Not sent: ${error.message}`, true);
				}
				else {
					if (error instanceof ApiError && error.status === 429) {
						window.setTimeout(flush, (error.retryAfter ?? 5) * 1000);
					}
					return;
				}
			}
			saveOutbox(outbox().filter((o) => o.clientMessageId !== item.clientMessageId));
		}
	}
	finally {
		flushing = false;
	}
}

// --- receipts and typing --------------------------------------------------------------------

const receipted = new Set<string>();

/** Delivered when it arrives; seen when its conversation is on screen. */
export function receipt(m: Message): void {
	if (m.senderId === me() || m.pending || m.deleted) return;
	const seen = keyOf(m) === openKey && document.visibilityState === 'visible';
	const mark = seen ? 'seen' : 'delivered';
	if (receipted.has(`${m.id}:${mark}`) || (seen && m.status === 'SEEN' && !m.groupId)) return;
	receipted.add(`${m.id}:${mark}`);
	api('POST', `/messages/${m.id}/${mark}`).catch(() => receipted.delete(`${m.id}:${mark}`));
}

export function seeOpenConversation(): void {
	if (!openKey || document.visibilityState !== 'visible') return;
	const incoming = [...thread(openKey).messages.values()]
		.filter((m) => m.senderId !== me() && !m.pending)
		.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
		.slice(0, 10);
	incoming.forEach(receipt);
}

let typingKey = '';
let typingSentAt = 0;
let typingStop: number | undefined;

export function typingActivity(key: string): void {
	const target = targetOf(key);
	if (!connected) return;
	if (typingKey !== key || Date.now() - typingSentAt > 2000) {
		socket?.emit('typing:start', target);
		typingKey = key;
		typingSentAt = Date.now();
	}
	window.clearTimeout(typingStop);
	typingStop = window.setTimeout(() => stopTyping(key), 3000);
}

export function stopTyping(key: string): void {
	window.clearTimeout(typingStop);
	if (typingKey === key && connected) socket?.emit('typing:stop', targetOf(key));
	typingKey = '';
}

function targetOf(key: string): { receiverId?: string; groupId?: string } {
	const [kind, id] = key.split(':');
	return kind === 'dm' ? { receiverId: id } : { groupId: id };
}

