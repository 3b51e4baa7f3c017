/**
 * What the client knows: people, conversations, messages, reactions and the sync cursor. The
 * conversation list is built from the user's groups (GET /groups) and the direct partners seen in
 * sync and live messages; an inbox endpoint can later replace {@link loadConversations} alone.
 * Views subscribe to changes with {@link onChange}.
 */
import { api, session, User } from './api';

export interface Message {
	id: string;
	seq?: number;
	senderId: string;
	receiverId?: string | null;
	groupId?: string | null;
	parentId?: string | null;
	content: string | null;
	type: string;
	status: string;
	edited?: boolean;
	deleted?: boolean;
	createdAt: string;
	updatedAt?: string;
	/** Client side only: typed here, not stored by the server yet. */
	pending?: boolean;
	failed?: string;
	clientMessageId?: string;
}

export interface Conversation {
	key: string;
	kind: 'dm' | 'group';
	id: string;
	title: string;
	lastAt: string;
	lastText: string;
	unread: number;
	role?: string;
}

export interface Thread {
	messages: Map<string, Message>;
	oldestSeq?: number;
	hasOlder: boolean;
	loaded: boolean;
}

export type Change =
	| { type: 'message'; key: string; message: Message }
	| { type: 'removed'; key: string; id: string }
	| { type: 'reaction'; key: string; messageId: string }
	| { type: 'conversations' }
	| { type: 'presence'; userId: string }
	| { type: 'typing'; key: string };

const listeners = new Set<(change: Change) => void>();
export const users = new Map<string, User>();
export const conversations = new Map<string, Conversation>();
export const threads = new Map<string, Thread>();
/** messageId → emoji → user ids. */
export const reactions = new Map<string, Map<string, Set<string>>>();
/** conversation key → user id → until (ms). */
export const typing = new Map<string, Map<string, number>>();
/** Receipts of other users on my group messages: messageId → users who have seen it. */
export const seenBy = new Map<string, Set<string>>();

let state = { cursor: '', partners: {} as Record<string, string>, reactions: {} as Record<string, Record<string, string[]>> };

export function onChange(listener: (change: Change) => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

export function emit(change: Change): void {
	listeners.forEach((listener) => listener(change));
}

export function me(): string {
	return session()?.user.id ?? '';
}

function stateKey(): string {
	return `chatline.state.${me()}`;
}

export function loadState(): void {
	try {
		state = { cursor: '', partners: {}, reactions: {}, ...JSON.parse(localStorage.getItem(stateKey()) ?? '{}') };
	}
	catch {
		// a corrupt copy is rebuilt by the next sync from the start
	}
	for (const [messageId, byEmoji] of Object.entries(state.reactions)) {
		reactions.set(messageId, new Map(Object.entries(byEmoji).map(([emoji, ids]) => [emoji, new Set(ids)])));
	}
}

function saveState(): void {
	const stored: Record<string, Record<string, string[]>> = {};
	[...reactions.entries()].slice(-2000).forEach(([messageId, byEmoji]) => {
		stored[messageId] = Object.fromEntries([...byEmoji].filter(([, ids]) => ids.size > 0).map(([emoji, ids]) => [emoji, [...ids]]));
	});
	state.reactions = stored;
	localStorage.setItem(stateKey(), JSON.stringify(state));
}

export function resetModel(): void {
	[users, conversations, threads, reactions, typing, seenBy].forEach((map) => map.clear());
	state = { cursor: '', partners: {}, reactions: {} };
}

// --- people ---------------------------------------------------------------------------------

const pendingUsers = new Map<string, Promise<User>>();

export function user(id: string): Promise<User> {
	const known = users.get(id);
	if (known) return Promise.resolve(known);
	let pending = pendingUsers.get(id);
	if (!pending) {
		pending = api<User>('GET', `/users/${id}`).then(({ data }) => {
			users.set(id, data);
			emit({ type: 'presence', userId: id });
			return data;
		}).finally(() => pendingUsers.delete(id));
		pendingUsers.set(id, pending);
	}
	return pending;
}

/** Searches people as the user types (debounced); `show` gets the matches, or null for an empty query. */
export function searchAsYouType(input: HTMLInputElement, show: (found: User[] | null) => void, failed: (error: Error) => void): void {
	let timer: number | undefined;
	input.addEventListener('input', () => {
		window.clearTimeout(timer);
		timer = window.setTimeout(() => {
			const query = input.value.trim();
			if (!query) return show(null);
			api<User[]>('GET', `/users?query=${encodeURIComponent(query)}&limit=10`).then(({ data }) => show(data), failed);
		}, 250);
	});
}

export function username(id: string): string {
	return users.get(id)?.username ?? '…';
}

export function setOnline(userId: string, online: boolean): void {
	const known = users.get(userId);
	if (known) known.isOnline = online;
	emit({ type: 'presence', userId });
}

// --- conversations --------------------------------------------------------------------------

export function keyOf(m: Pick<Message, 'groupId' | 'senderId' | 'receiverId'>): string {
	if (m.groupId) return `group:${m.groupId}`;
	return `dm:${m.senderId === me() ? m.receiverId : m.senderId}`;
}

/** The server's conversation id ("dm:a:b", "group:x") as this client's key. */
function keyOfConversationId(conversationId: string): string {
	if (conversationId.startsWith('group:')) return conversationId;
	const [, a, b] = conversationId.split(':');
	return `dm:${a === me() ? b : a}`;
}

export async function loadConversations(): Promise<void> {
	const { data } = await api<{ id: string; title: string; role: string; createdAt: string }[]>('GET', '/groups?limit=100');
	const seen = new Set<string>();
	for (const g of data) {
		const key = `group:${g.id}`;
		seen.add(key);
		const known = conversations.get(key);
		conversations.set(key, { key, kind: 'group', id: g.id, title: g.title, lastAt: known?.lastAt ?? g.createdAt,
			lastText: known?.lastText ?? '', unread: known?.unread ?? 0, role: g.role });
	}
	for (const key of [...conversations.keys()]) {
		if (key.startsWith('group:') && !seen.has(key)) conversations.delete(key);
	}
	for (const [partner, lastAt] of Object.entries(state.partners)) ensureDirect(partner, lastAt);
	emit({ type: 'conversations' });
}

export function ensureDirect(partner: string, lastAt = new Date().toISOString()): Conversation {
	const key = `dm:${partner}`;
	let conversation = conversations.get(key);
	if (!conversation) {
		conversation = { key, kind: 'dm', id: partner, title: username(partner), lastAt, lastText: '', unread: 0 };
		conversations.set(key, conversation);
		user(partner).then((u) => { conversation!.title = u.username; emit({ type: 'conversations' }); }).catch(() => {});
	}
	return conversation;
}

function touch(key: string, m: Message, countUnread: boolean): void {
	let conversation = conversations.get(key);
	if (!conversation && key.startsWith('dm:')) {
		conversation = ensureDirect(key.slice(3), m.createdAt);
	}
	if (!conversation) {
		// A group this client did not know yet: the user was just added to it.
		loadConversations().catch(() => {});
		return;
	}
	if (key.startsWith('dm:') && (state.partners[conversation.id] ?? '') < m.createdAt) {
		state.partners[conversation.id] = m.createdAt;
	}
	if (m.createdAt >= conversation.lastAt) {
		conversation.lastAt = m.createdAt;
		conversation.lastText = m.deleted ? 'Message deleted' : (m.content ?? '');
	}
	if (countUnread && m.senderId !== me() && openKey !== key) conversation.unread++;
	emit({ type: 'conversations' });
}

/** The conversation on screen, whose incoming messages are seen at once. */
export let openKey = '';

export function setOpen(key: string): void {
	openKey = key;
	const conversation = conversations.get(key);
	if (conversation && conversation.unread) {
		conversation.unread = 0;
		emit({ type: 'conversations' });
	}
}

// --- messages -------------------------------------------------------------------------------

export function thread(key: string): Thread {
	let t = threads.get(key);
	if (!t) {
		t = { messages: new Map(), hasOlder: true, loaded: false };
		threads.set(key, t);
	}
	return t;
}

const STATUS_ORDER = ['SENT', 'DELIVERED', 'SEEN'];

/** Adds or updates a message; never moves a status backwards, never duplicates. */
export function upsert(incoming: Message, countUnread = true): Message {
	const key = keyOf(incoming);
	const t = thread(key);
	const known = t.messages.get(incoming.id);
	const merged: Message = known ? { ...known, ...definedOnly(incoming) } : incoming;
	if (known && STATUS_ORDER.indexOf(known.status) > STATUS_ORDER.indexOf(incoming.status)) merged.status = known.status;
	t.messages.set(merged.id, merged);
	touch(key, merged, countUnread && !known);
	emit({ type: 'message', key, message: merged });
	return merged;
}

function definedOnly(m: Message): Partial<Message> {
	return Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) as Partial<Message>;
}

export function remove(key: string, id: string): void {
	thread(key).messages.delete(id);
	emit({ type: 'removed', key, id });
}

export function findMessage(id: string): Message | undefined {
	for (const t of threads.values()) {
		const m = t.messages.get(id);
		if (m) return m;
	}
	return undefined;
}

export function setStatus(messageId: string, userId: string, status: string): void {
	const m = findMessage(messageId);
	if (!m || m.senderId !== me() || userId === me()) return;
	if (m.groupId && status === 'SEEN') {
		let readers = seenBy.get(messageId);
		if (!readers) seenBy.set(messageId, readers = new Set());
		readers.add(userId);
	}
	upsert({ ...m, status }, false);
}

export function react(messageId: string, userId: string, emoji: string, added: boolean, key?: string): void {
	let byEmoji = reactions.get(messageId);
	if (!byEmoji) reactions.set(messageId, byEmoji = new Map());
	let ids = byEmoji.get(emoji);
	if (!ids) byEmoji.set(emoji, ids = new Set());
	if (added) ids.add(userId); else ids.delete(userId);
	saveState();
	const m = findMessage(messageId);
	emit({ type: 'reaction', key: key ?? (m ? keyOf(m) : ''), messageId });
}

export async function loadHistory(key: string, older: boolean): Promise<number> {
	const t = thread(key);
	const [kind, id] = key.split(':');
	const query = older && t.oldestSeq !== undefined ? `?limit=30&before=${t.oldestSeq}` : '?limit=30';
	const { data } = await api<Message[]>('GET', `/messages/${kind === 'dm' ? 'direct' : 'group'}/${id}${query}`);
	data.forEach((m) => {
		upsert(m, false);
		if (m.seq !== undefined && (t.oldestSeq === undefined || m.seq < t.oldestSeq)) t.oldestSeq = m.seq;
	});
	t.loaded = true;
	if (older || data.length < 30) t.hasOlder = data.length === 30;
	return data.length;
}

export function setTyping(key: string, userId: string, on: boolean): void {
	let byUser = typing.get(key);
	if (!byUser) typing.set(key, byUser = new Map());
	if (on) byUser.set(userId, Date.now() + 6000); else byUser.delete(userId);
	emit({ type: 'typing', key });
}

// --- catch-up -------------------------------------------------------------------------------

interface SyncChange {
	cursor: string;
	kind: string;
	conversationId: string;
	messageId: string;
	userId: string | null;
	emoji: string | null;
	message: Message;
}

let syncing: Promise<void> | null = null;

/**
 * Every change since the stored cursor (GET /messages/sync): messages, edits, deletes, receipts
 * and reactions missed while away, applied idempotently, so events also seen live change nothing.
 * The first sync of a user on this browser starts at the beginning and counts nothing as unread.
 */
export function sync(): Promise<void> {
	if (!syncing) {
		syncing = (async () => {
			const first = !state.cursor;
			for (let page = 0; page < 50; page++) {
				const since = encodeURIComponent(state.cursor || '0-0');
				const { data } = await api<{ changes: SyncChange[]; nextCursor: string; hasMore: boolean }>('GET',
					`/messages/sync?since=${since}&limit=100`);
				data.changes.forEach((change) => apply(change, !first));
				state.cursor = data.nextCursor;
				saveState();
				if (!data.hasMore) break;
			}
		})().finally(() => { syncing = null; });
	}
	return syncing;
}

function apply(change: SyncChange, countUnread: boolean): void {
	const key = keyOfConversationId(change.conversationId);
	const loaded = threads.get(key)?.loaded;
	if (!loaded && change.kind.startsWith('REACTION')) {
		react(change.messageId, change.userId ?? '', change.emoji ?? '', change.kind === 'REACTION_ADDED', key);
		return;
	}
	if (!loaded) {
		// Not on screen yet: only the list learns of it; the history is read when it is opened.
		touch(key, change.message, countUnread && change.kind === 'CREATED');
		return;
	}
	switch (change.kind) {
		case 'CREATED':
		case 'EDITED':
		case 'DELETED':
			upsert(change.message, countUnread && change.kind === 'CREATED');
			break;
		case 'DELIVERED':
		case 'SEEN':
			upsert(change.message, false);
			if (change.userId) setStatus(change.messageId, change.userId, change.kind);
			break;
		case 'REACTION_ADDED':
		case 'REACTION_REMOVED':
			if (change.userId && change.emoji) react(change.messageId, change.userId, change.emoji, change.kind === 'REACTION_ADDED', key);
			break;
	}
}
