/**
 * The app: routes (/login, /register, /, /c/dm/<user>, /c/group/<group>, /new-group inside the
 * shell), the shell with the conversation list and people search, and the session's lifecycle.
 */
import './style.css';
import { logout, onSessionEnded, scheduleRefresh, session } from './api';
import { authView } from './auth';
import { announce, clear, formatTime, h } from './dom';
import { conversations, ensureDirect, loadConversations, loadState, onChange, resetModel, searchAsYouType, sync, users } from './model';
import { connect, disconnect, onConnection, showOutbox } from './realtime';
import { conversationView, presenceDot, updatePresence } from './conversation';
import { createGroupView } from './group';
import { listenForCalls } from './call';

const root = document.getElementById('app')!;
let shell: { main: HTMLElement; list: HTMLElement; el: HTMLElement } | null = null;
let disposeView: (() => void) | null = null;
let signedOutNotice = '';

function navigate(path: string, replace = false): void {
	if (replace) history.replaceState(null, '', path); else history.pushState(null, '', path);
	route();
}

function route(): void {
	const path = location.pathname;
	if (!session()) {
		teardown();
		const mode = path === '/register' ? 'register' : 'login';
		if (path !== `/${mode}`) history.replaceState(null, '', `/${mode}`);
		clear(root, authView(mode, navigate, signedOutNotice));
		signedOutNotice = '';
		document.title = mode === 'register' ? 'Create account · Chatline' : 'Log in · Chatline';
		return;
	}
	if (path === '/login' || path === '/register') {
		history.replaceState(null, '', '/');
	}
	if (!shell) start();
	disposeView?.();
	disposeView = null;
	const match = /^\/c\/(dm|group)\/([0-9a-f-]{36})$/.exec(location.pathname);
	shell!.el.dataset.view = match || location.pathname === '/c/new-group' ? 'conversation' : 'list';
	if (match) {
		const key = `${match[1]}:${match[2]}`;
		if (match[1] === 'dm') ensureDirect(match[2]);
		const view = conversationView(key, () => navigate('/'));
		disposeView = view.dispose;
		clear(shell!.main, view.el);
		document.title = `${conversations.get(key)?.title ?? 'Conversation'} · Chatline`;
	}
	else if (location.pathname === '/c/new-group') {
		clear(shell!.main, createGroupView(navigate));
		document.title = 'New group · Chatline';
	}
	else {
		clear(shell!.main, h('div', { className: 'empty' }, h('h2', {}, 'Pick a conversation'),
			h('p', {}, 'Or find someone by name to start one.')));
		document.title = 'Chatline';
	}
	renderList();
}

function start(): void {
	const me = session()!.user;
	loadState();
	const connection = h('span', { className: 'connection', role: 'status' });
	const selfDot = h('span', { className: 'presence', role: 'img' });
	const search = h('input', { type: 'search', id: 'people-search', placeholder: 'Username or email', autocomplete: 'off' });
	const results = h('ul', { className: 'results', 'aria-label': 'People found' });
	const list = h('ul', { className: 'conversation-list', 'aria-label': 'Conversations' });
	const main = h('main', { id: 'main', className: 'main' });
	const el = h('div', { className: 'shell', 'data-view': 'list' },
		h('header', { className: 'topbar' },
			h('h1', { className: 'brand' }, h('a', { href: '/', 'data-link': true }, 'Chatline')),
			connection,
			h('span', { className: 'me' }, selfDot, me.username),
			h('button', { type: 'button', onClick: () => logout() }, 'Log out')),
		h('nav', { className: 'sidebar', 'aria-label': 'Conversations and people' },
			h('form', { className: 'search', role: 'search', onSubmit: (e: Event) => e.preventDefault() },
				h('label', { for: 'people-search' }, 'Find people'), search, results),
			h('div', { className: 'list-header' }, h('h2', {}, 'Conversations'),
				h('a', { href: '/c/new-group', 'data-link': true, className: 'button' }, 'New group')),
			list),
		main);
	clear(root, el, h('div', { id: 'call-layer' }));
	shell = { main, list, el };
	users.set(me.id, { ...me, isOnline: true });

	searchAsYouType(search, (found) => clear(results, found === null ? null : found.length === 0 ? h('li', { className: 'none' }, 'Nobody found')
		: found.filter((u) => u.id !== me.id).map((u) => h('li', {},
			h('a', { href: `/c/dm/${u.id}`, 'data-link': true, onClick: () => { search.value = ''; clear(results); } },
				`Message ${u.username}`)))), (error) => announce(`Search failed: ${error.message}`, true));

	onConnection((up) => {
		selfDot.classList.toggle('online', up);
		selfDot.setAttribute('aria-label', up ? 'online' : 'offline');
		connection.textContent = up ? 'Online' : 'Offline: messages will be sent when the connection is back';
		connection.classList.toggle('down', !up);
	});
	onChange((change) => {
		if (change.type === 'conversations') renderList();
		if (change.type === 'presence') el.querySelectorAll(`.sidebar [data-presence-user="${change.userId}"]`).forEach(updatePresence);
	});
	// Being added to a group is not pushed: the list is read again when the user comes back to the tab.
	let listReadAt = Date.now();
	window.addEventListener('focus', () => {
		if (session() && Date.now() - listReadAt > 30_000) {
			listReadAt = Date.now();
			loadConversations().catch(() => {});
		}
	});
	scheduleRefresh();
	connect();
	listenForCalls();
	showOutbox();
	loadConversations().then(() => sync()).catch((error) => announce(`Could not load conversations: ${error.message}`, true));
}

function renderList(): void {
	if (!shell) return;
	const current = location.pathname;
	const items = [...conversations.values()].sort((a, b) => b.lastAt.localeCompare(a.lastAt));
	clear(shell.list, items.length === 0 ? h('li', { className: 'none' }, 'No conversations yet') : items.map((c) => {
		const href = `/c/${c.kind}/${c.id}`;
		return h('li', {}, h('a', { href, 'data-link': true, className: 'conversation-link', 'aria-current': current === href ? 'page' : false },
			c.kind === 'dm' ? presenceDot(c.id) : h('span', { className: 'group-icon', 'aria-hidden': 'true' }, '#'),
			h('span', { className: 'title' }, c.title),
			c.unread ? h('span', { className: 'badge', 'aria-label': `${c.unread} unread` }, String(c.unread)) : null,
			h('span', { className: 'preview' }, c.lastText ? `${c.lastText.slice(0, 60)}` : (c.kind === 'group' ? 'Group' : 'Direct messages')),
			c.lastText ? h('time', { datetime: c.lastAt }, formatTime(c.lastAt)) : null));
	}));
}

function teardown(): void {
	disposeView?.();
	disposeView = null;
	if (shell) {
		disconnect();
		resetModel();
		shell = null;
	}
}

onSessionEnded((reason) => {
	signedOutNotice = reason;
	teardown();
	navigate('/login', true);
});

document.addEventListener('click', (event) => {
	const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-link]');
	if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
	event.preventDefault();
	navigate(link.getAttribute('href')!);
});
window.addEventListener('popstate', route);
route();
