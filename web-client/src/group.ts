/** Group creation and member management: what a member may do is decided by the server; the UI offers it by role. */
import { api, ApiError } from './api';
import { announce, clear, h } from './dom';
import { conversations, loadConversations, me, searchAsYouType, user, username } from './model';
import { presenceDot } from './conversation';

interface Member {
	userId: string;
	role: 'OWNER' | 'ADMIN' | 'MEMBER';
}

export function createGroupView(navigate: (path: string) => void): HTMLElement {
	const error = h('p', { className: 'form-error', role: 'alert' });
	const title = h('input', { id: 'group-title', name: 'title', required: true, maxlength: 100 });
	const description = h('textarea', { id: 'group-description', name: 'description', maxlength: 500, rows: 3 });
	const type = h('select', { id: 'group-type', name: 'type' },
		h('option', { value: 'PRIVATE' }, 'Private'), h('option', { value: 'PUBLIC' }, 'Public'), h('option', { value: 'SECRET' }, 'Secret'));
	const form = h('form', { className: 'panel-form', novalidate: true, 'aria-labelledby': 'new-group-title' },
		h('h2', { id: 'new-group-title' }, 'New group'),
		h('div', { className: 'field' }, h('label', { for: 'group-title' }, 'Name'), title),
		h('div', { className: 'field' }, h('label', { for: 'group-description' }, 'Description (optional)'), description),
		h('div', { className: 'field' }, h('label', { for: 'group-type' }, 'Type'), type),
		error,
		h('button', { type: 'submit', className: 'primary' }, 'Create group'));
	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		error.textContent = '';
		try {
			const { data } = await api<{ id: string }>('POST', '/groups', {
				title: title.value.trim(), description: description.value.trim() || undefined, type: type.value });
			await loadConversations();
			navigate(`/c/group/${data.id}`);
		}
		catch (e) {
			error.textContent = e instanceof ApiError ? Object.values(e.fields).join('. ') || e.message : 'Could not create the group';
		}
	});
	window.setTimeout(() => title.focus(), 0);
	return h('section', { className: 'conversation create' }, form);
}

export function groupPanel(groupId: string): HTMLElement {
	const list = h('ul', { className: 'members', 'aria-label': 'Members' });
	const status = h('p', { className: 'form-error', role: 'alert' });
	const search = h('input', { type: 'search', id: 'member-search', placeholder: 'Username', autocomplete: 'off' });
	const results = h('ul', { className: 'results', 'aria-label': 'People to add' });
	const panel = h('section', { id: 'group-panel', className: 'group-panel', 'aria-label': 'Group members' },
		h('h3', {}, 'Members'), list, status,
		h('form', { className: 'add-member', role: 'search' },
			h('label', { for: 'member-search' }, 'Add someone'), search, results));
	let myRole: Member['role'] | undefined;
	let members: Member[] = [];

	async function refresh(): Promise<void> {
		try {
			const { data } = await api<{ members: Member[] }>('GET', `/groups/${groupId}`);
			members = data.members;
			myRole = members.find((m) => m.userId === me())?.role;
			await Promise.all(members.map((m) => user(m.userId).catch(() => null)));
			render();
		}
		catch (e) {
			status.textContent = (e as Error).message;
		}
	}

	function render(): void {
		clear(list, members.map((m) => {
			const self = m.userId === me();
			const canRemove = !self && (myRole === 'OWNER' || (myRole === 'ADMIN' && m.role === 'MEMBER'));
			const roleSelect = myRole === 'OWNER' && !self && m.role !== 'OWNER'
				? h('select', { 'aria-label': `Role of ${username(m.userId)}`, onChange: (event: Event) =>
					act('PATCH', `/groups/${groupId}/members/${m.userId}`, { role: (event.target as HTMLSelectElement).value }) },
					h('option', { value: 'MEMBER', selected: m.role === 'MEMBER' }, 'Member'),
					h('option', { value: 'ADMIN', selected: m.role === 'ADMIN' }, 'Admin'))
				: h('span', { className: 'role' }, m.role.toLowerCase());
			return h('li', { 'data-member': m.userId }, presenceDot(m.userId), h('span', { className: 'name' }, username(m.userId) + (self ? ' (you)' : '')),
				roleSelect,
				canRemove ? h('button', { type: 'button', className: 'danger', onClick: () => act('DELETE', `/groups/${groupId}/members/${m.userId}`) },
					`Remove ${username(m.userId)}`) : null);
		}));
		const add = panel.querySelector('.add-member') as HTMLElement;
		add.hidden = myRole !== 'OWNER' && myRole !== 'ADMIN';
		panel.querySelector('.leave')?.remove();
		if (myRole && myRole !== 'OWNER') {
			panel.append(h('button', { type: 'button', className: 'leave danger', onClick: async () => {
				await act('POST', `/groups/${groupId}/leave`);
				conversations.delete(`group:${groupId}`);
				await loadConversations();
				history.pushState(null, '', '/');
				window.dispatchEvent(new PopStateEvent('popstate'));
			} }, 'Leave group'));
		}
	}

	async function act(method: string, path: string, body?: unknown): Promise<void> {
		status.textContent = '';
		try {
			await api(method, path, body);
			announce('Members updated');
			await refresh();
		}
		catch (e) {
			status.textContent = (e as Error).message;
		}
	}

	searchAsYouType(search, (found) => clear(results, (found ?? []).filter((u) => !members.some((m) => m.userId === u.id)).map((u) =>
		h('li', {}, h('span', {}, u.username),
			h('button', { type: 'button', onClick: async () => {
				await act('POST', `/groups/${groupId}/members`, { userId: u.id, role: 'MEMBER' });
				search.value = '';
				clear(results);
			} }, `Add ${u.username}`)))), (e) => { status.textContent = e.message; });
	panel.querySelector('form')!.addEventListener('submit', (event) => event.preventDefault());
	refresh();
	return panel;
}
