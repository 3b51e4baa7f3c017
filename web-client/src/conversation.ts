/**
 * One conversation: history newest at the bottom, older pages loaded by cursor when scrolled to
 * the top (or with the "Load older" button), live messages, edit and delete of one's own,
 * reactions, delivered/seen ticks, typing and presence.
 */
import { api, ApiError } from './api';
import { announce, clear, formatTime, h } from './dom';
import {
	Conversation, Message, conversations, findMessage, loadHistory, me, onChange, reactions, seenBy, setOpen, thread, typing, user, username, users,
} from './model';
import { seeOpenConversation, send, stopTyping, typingActivity } from './realtime';
import { groupPanel } from './group';
import { startCall } from './call';

export const EMOJIS = ['👍', '❤️', '😂', '🎉', '😮', '😢'];

export function presenceDot(userId: string): HTMLElement {
	const dot = h('span', { className: 'presence', 'data-presence-user': userId, role: 'img' });
	user(userId).then(() => updatePresence(dot)).catch(() => {});
	updatePresence(dot);
	return dot;
}

export function updatePresence(dot: Element): void {
	const u = users.get(dot.getAttribute('data-presence-user') ?? '');
	const online = Boolean(u?.isOnline);
	dot.classList.toggle('online', online);
	dot.setAttribute('aria-label', online ? 'online' : 'offline');
	dot.setAttribute('title', online ? 'online' : 'offline');
}

export function conversationView(key: string, back: () => void): { el: HTMLElement; dispose: () => void } {
	const [kind, id] = key.split(':');
	const t = thread(key);
	const conversation: Conversation | undefined = conversations.get(key);
	const title = h('h2', { id: 'conversation-title' }, conversation?.title ?? (kind === 'dm' ? username(id) : 'Group'));
	if (kind === 'dm') user(id).then((u) => { title.textContent = u.username; }).catch(() => {});
	const list = h('ol', { className: 'messages' });
	const older = h('button', { type: 'button', className: 'link older', onClick: () => loadOlder() }, 'Load older messages');
	const typingLine = h('p', { className: 'typing', 'aria-live': 'polite' });
	const input = h('textarea', { id: 'composer', rows: 1, placeholder: 'Write a message', maxlength: 5000, 'aria-label': 'Message' });
	const panel = h('div', { className: 'side-panel', hidden: true });
	let replyTo: Message | null = null;
	const replyText = h('span', {});
	const replying = h('div', { className: 'replying', hidden: true }, replyText,
		h('button', { type: 'button', className: 'link', onClick: () => reply(null) }, 'Cancel reply'));
	const composer = h('form', { className: 'composer' },
		input, h('button', { type: 'submit', className: 'primary' }, 'Send'));

	/** Threads as a reply view: the next message answers this one (parentId). */
	function reply(m: Message | null): void {
		replyTo = m;
		replying.hidden = !m;
		const describe = () => {
			if (replyTo === m) replyText.textContent = m ? `Replying to ${username(m.senderId)}: ${(m.content ?? '').slice(0, 80)}` : '';
		};
		describe();
		if (m) user(m.senderId).then(describe, () => {});
		input.focus();
	}
	let loading = false;

	const header = h('header', { className: 'conversation-header' },
		h('button', { type: 'button', className: 'back', onClick: back, 'aria-label': 'Back to conversations' }, '‹'),
		kind === 'dm' ? presenceDot(id) : null,
		title,
		h('div', { className: 'actions' },
			h('button', { type: 'button', onClick: () => startCall(key, 'AUDIO') }, 'Audio call'),
			h('button', { type: 'button', onClick: () => startCall(key, 'VIDEO') }, 'Video call'),
			kind === 'group' ? h('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'group-panel',
				onClick: (event: Event) => toggleMembers(event.currentTarget as HTMLButtonElement) }, 'Members') : null));
	const el = h('section', { className: 'conversation', 'aria-labelledby': 'conversation-title' },
		header, panel, h('div', { className: 'scroller', role: 'log', 'aria-label': 'Messages', tabindex: 0 }, older, list),
		typingLine, replying, composer);
	list.addEventListener('reply', (event) => reply((event as CustomEvent<Message>).detail));

	function toggleMembers(button: HTMLButtonElement): void {
		const open = panel.hidden;
		panel.hidden = !open;
		button.setAttribute('aria-expanded', String(open));
		if (open) clear(panel, groupPanel(id));
	}

	composer.addEventListener('submit', (event) => {
		event.preventDefault();
		const content = input.value.trim();
		if (!content) return;
		stopTyping(key);
		send(key, content, replyTo?.id);
		reply(null);
		input.value = '';
		input.focus();
	});
	input.addEventListener('keydown', (event) => {
		if (event.key === 'Enter' && !event.shiftKey) {
			event.preventDefault();
			composer.requestSubmit();
		}
	});
	input.addEventListener('input', () => { if (input.value) typingActivity(key); else stopTyping(key); });

	const scroller = el.querySelector<HTMLElement>('.scroller')!;
	scroller.addEventListener('scroll', () => { if (scroller.scrollTop < 60) loadOlder(); });

	async function loadOlder(): Promise<void> {
		if (loading || !t.hasOlder || !t.loaded) return;
		loading = true;
		const before = scroller.scrollHeight;
		try {
			await loadHistory(key, true);
			scroller.scrollTop += scroller.scrollHeight - before;
		}
		catch (error) {
			announce(`Could not load older messages: ${(error as Error).message}`, true);
		}
		finally {
			loading = false;
			older.hidden = !t.hasOlder;
		}
	}

	function sorted(): Message[] {
		return [...t.messages.values()].sort(compare);
	}

	function render(m: Message): void {
		if (!users.has(m.senderId)) user(m.senderId).catch(() => {});
		const existing = list.querySelector<HTMLElement>(`[data-id="${m.id}"]`);
		const item = messageItem(m, kind === 'group');
		if (existing) {
			existing.replaceWith(item);
			return;
		}
		const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80;
		const all = sorted();
		const next = all[all.findIndex((x) => x.id === m.id) + 1];
		const nextEl = next ? list.querySelector(`[data-id="${next.id}"]`) : null;
		list.insertBefore(item, nextEl);
		if (atBottom || m.senderId === me()) scroller.scrollTop = scroller.scrollHeight;
	}

	function renderTyping(): void {
		const now = Date.now();
		const names = [...(typing.get(key)?.entries() ?? [])].filter(([, until]) => until > now).map(([userId]) => username(userId));
		typingLine.textContent = names.length === 0 ? '' : `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} typing…`;
	}

	const typingTimer = window.setInterval(renderTyping, 1000);
	const unsubscribe = onChange((change) => {
		if (change.type === 'message' && change.key === key) {
			render(change.message);
		}
		else if (change.type === 'removed' && change.key === key) {
			list.querySelector(`[data-id="${change.id}"]`)?.remove();
		}
		else if (change.type === 'reaction' && change.key === key) {
			const m = t.messages.get(change.messageId);
			if (m) render(m);
		}
		else if (change.type === 'typing' && change.key === key) {
			renderTyping();
		}
		else if (change.type === 'presence') {
			el.querySelectorAll(`[data-presence-user="${change.userId}"]`).forEach(updatePresence);
			list.querySelectorAll(`[data-sender="${change.userId}"] .sender`).forEach((s) => { s.textContent = username(change.userId); });
		}
	});

	setOpen(key);
	sorted().forEach(render);
	(async () => {
		try {
			await loadHistory(key, false);
			older.hidden = !t.hasOlder;
			scroller.scrollTop = scroller.scrollHeight;
			seeOpenConversation();
		}
		catch (error) {
			announce(error instanceof ApiError && error.status === 403 ? 'You are not a member of this group.'
				: `Could not load messages: ${(error as Error).message}`, true);
		}
	})();
	window.setTimeout(() => input.focus(), 0);

	return {
		el,
		dispose: () => {
			stopTyping(key);
			unsubscribe();
			window.clearInterval(typingTimer);
			setOpen('');
		},
	};
}

function compare(a: Message, b: Message): number {
	if (a.pending !== b.pending) return a.pending ? 1 : -1;
	if (a.seq !== undefined && b.seq !== undefined) return a.seq - b.seq;
	return Date.parse(a.createdAt) - Date.parse(b.createdAt);
}

const TICKS: Record<string, string> = { PENDING: '🕓', SENT: '✓', DELIVERED: '✓✓', SEEN: '✓✓' };
const TICK_LABELS: Record<string, string> = { PENDING: 'Waiting to send', SENT: 'Sent', DELIVERED: 'Delivered', SEEN: 'Seen' };

function messageItem(m: Message, inGroup: boolean): HTMLElement {
	const mine = m.senderId === me();
	const body = h('p', { className: 'content' }, m.deleted ? 'This message was deleted' : m.content ?? '');
	const meta = h('p', { className: 'meta' },
		inGroup && !mine ? h('span', { className: 'sender' }, username(m.senderId)) : null,
		h('time', { datetime: m.createdAt }, formatTime(m.createdAt)),
		m.edited && !m.deleted ? h('span', { className: 'edited' }, 'edited') : null,
		mine ? h('span', { className: `ticks ${m.status.toLowerCase()}`, 'data-status': m.status, role: 'img',
			'aria-label': TICK_LABELS[m.status] ?? m.status, title: TICK_LABELS[m.status] ?? m.status }, TICKS[m.status] ?? '') : null,
		mine && inGroup && seenBy.get(m.id)?.size ? h('span', { className: 'seen-by' }, `seen by ${seenBy.get(m.id)!.size}`) : null,
		m.failed ? h('span', { className: 'failed', role: 'alert' }, `Not sent: ${m.failed}`) : null);
	const parent = m.parentId ? findMessage(m.parentId) : undefined;
	const quote = m.parentId ? h('p', { className: 'quote' }, parent
		? `↪ ${username(parent.senderId)}: ${parent.deleted ? 'deleted message' : (parent.content ?? '').slice(0, 80)}` : '↪ a reply') : null;
	const item = h('li', { className: `message${mine ? ' mine' : ''}${m.deleted ? ' deleted' : ''}${m.pending ? ' pending' : ''}`,
		'data-id': m.id, 'data-sender': m.senderId }, h('div', { className: 'bubble' }, quote, body, meta));
	if (m.deleted || m.pending) return item;
	item.append(reactionBar(m), actions(m, mine, item));
	return item;
}

function reactionBar(m: Message): HTMLElement {
	const bar = h('div', { className: 'reactions' });
	for (const [emoji, ids] of reactions.get(m.id) ?? []) {
		if (ids.size === 0) continue;
		const mineToo = ids.has(me());
		bar.append(h('button', { type: 'button', className: 'reaction', 'aria-pressed': String(mineToo),
			'aria-label': `${emoji} ${ids.size}, ${mineToo ? 'remove your reaction' : 'react too'}`,
			onClick: () => toggleReaction(m.id, emoji, mineToo) }, `${emoji} ${ids.size}`));
	}
	return bar;
}

function toggleReaction(messageId: string, emoji: string, remove: boolean): void {
	api(remove ? 'DELETE' : 'POST', `/messages/${messageId}/react`, { emoji })
		.catch((error: Error) => announce(`Reaction failed: ${error.message}`, true));
}

function actions(m: Message, mine: boolean, item: HTMLElement): HTMLElement {
	const picker = h('div', { className: 'picker', hidden: true, role: 'group', 'aria-label': 'Pick a reaction',
		onKeydown: (event: KeyboardEvent) => { if (event.key === 'Escape') picker.hidden = true; } },
		EMOJIS.map((emoji) => h('button', { type: 'button', 'aria-label': `React with ${emoji}`, onClick: () => {
			picker.hidden = true;
			toggleReaction(m.id, emoji, Boolean(reactions.get(m.id)?.get(emoji)?.has(me())));
		} }, emoji)));
	const bar = h('div', { className: 'message-actions' },
		h('button', { type: 'button', className: 'link', onClick: () =>
			item.dispatchEvent(new CustomEvent('reply', { bubbles: true, detail: m })) }, 'Reply'),
		h('button', { type: 'button', className: 'link', 'aria-haspopup': 'true', onClick: () => {
			picker.hidden = !picker.hidden;
			if (!picker.hidden) picker.querySelector('button')?.focus();
		} }, 'React'),
		mine ? h('button', { type: 'button', className: 'link', onClick: () => edit(m, item) }, 'Edit') : null,
		mine ? h('button', { type: 'button', className: 'link', onClick: () => confirmDelete(m, item) }, 'Delete') : null,
		picker);
	return bar;
}

function edit(m: Message, item: HTMLElement): void {
	const field = h('input', { type: 'text', value: m.content ?? '', 'aria-label': 'Edit message', maxlength: 5000 });
	const form = h('form', { className: 'edit-form' }, field,
		h('button', { type: 'submit', className: 'primary' }, 'Save'),
		h('button', { type: 'button', onClick: () => form.replaceWith(bubble) }, 'Cancel'));
	const bubble = item.querySelector('.bubble')!;
	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		try {
			await api('PATCH', `/messages/${m.id}`, { content: field.value.trim() });
			form.replaceWith(bubble);
		}
		catch (error) {
			announce(`Edit failed: ${(error as Error).message}`, true);
		}
	});
	field.addEventListener('keydown', (event) => { if (event.key === 'Escape') form.replaceWith(bubble); });
	bubble.replaceWith(form);
	field.focus();
}

function confirmDelete(m: Message, item: HTMLElement): void {
	const question = h('div', { className: 'confirm', role: 'group', 'aria-label': 'Delete this message?' },
		h('span', {}, 'Delete this message?'),
		h('button', { type: 'button', className: 'danger', onClick: async () => {
			try {
				await api('DELETE', `/messages/${m.id}`);
			}
			catch (error) {
				announce(`Delete failed: ${(error as Error).message}`, true);
			}
			question.remove();
		} }, 'Yes, delete'),
		h('button', { type: 'button', onClick: () => question.remove() }, 'Cancel'));
	item.append(question);
	question.querySelector('button')?.focus();
}
