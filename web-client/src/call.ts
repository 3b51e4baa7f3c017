/**
 * Calls: start audio/video, an incoming call rings with Accept/Reject, and the Jitsi room opens
 * with the token the API returned: framed when the gateway names a Jitsi domain
 * (chatline-jitsi-domain), else as a link.
 */
import { api } from './api';
import { announce, clear, h } from './dom';
import { me, user, username } from './model';
import { socket } from './realtime';

interface Call {
	id: string;
	initiatorId: string;
	type: 'AUDIO' | 'VIDEO';
	status: string;
}

interface Joined {
	call: Call;
	roomUrl: string;
	token: string;
}

let active: { call: Call; initiator: boolean; status: HTMLElement } | null = null;

function layer(): HTMLElement {
	return document.getElementById('call-layer')!;
}

export async function startCall(key: string, type: 'AUDIO' | 'VIDEO'): Promise<void> {
	const [kind, id] = key.split(':');
	let participantIds = [id];
	if (kind === 'group') {
		const { data } = await api<{ members: { userId: string }[] }>('GET', `/groups/${id}`);
		participantIds = data.members.map((m) => m.userId).filter((u) => u !== me());
	}
	try {
		const { data } = await api<Joined>('POST', '/calls', { type, participantIds, groupId: kind === 'group' ? id : null });
		show(data, true, kind === 'dm' ? `Calling ${username(id)}…` : 'Calling the group…');
	}
	catch (error) {
		announce(`The call could not start: ${(error as Error).message}`, true);
	}
}

function show(joined: Joined, initiator: boolean, statusText: string): void {
	const status = h('p', { className: 'call-status', role: 'status' }, statusText);
	const url = joined.token ? `${joined.roomUrl}${joined.roomUrl.includes('?') ? '&' : '?'}jwt=${encodeURIComponent(joined.token)}` : joined.roomUrl;
	const domain = document.querySelector<HTMLMetaElement>('meta[name="chatline-jitsi-domain"]')?.content ?? '';
	let framed = false;
	try {
		framed = domain !== '' && new URL(joined.roomUrl).host === domain;
	}
	catch {
		framed = false;
	}
	const room = framed
		? h('iframe', { src: url, title: 'Call', allow: 'camera; microphone; fullscreen; display-capture', className: 'jitsi' })
		: h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', className: 'button primary' }, 'Open the call room');
	const end = h('button', { type: 'button', className: 'danger', onClick: () => hangUp() }, initiator ? 'End call' : 'Leave call');
	active = { call: joined.call, initiator, status };
	clear(layer(), h('section', { className: 'call-panel', 'aria-label': `${joined.call.type === 'VIDEO' ? 'Video' : 'Audio'} call` },
		h('h2', {}, `${joined.call.type === 'VIDEO' ? 'Video' : 'Audio'} call`), status, room, end));
	end.focus();
}

async function hangUp(): Promise<void> {
	if (!active) return;
	const { call, initiator } = active;
	close();
	await api('POST', `/calls/${call.id}/${initiator ? 'end' : 'leave'}`).catch(() => {});
}

function close(): void {
	active = null;
	clear(layer());
}

function ringing(call: Call, initiatorId: string): void {
	const name = h('strong', {}, username(initiatorId));
	user(initiatorId).then((u) => { name.textContent = u.username; }).catch(() => {});
	const accept = h('button', { type: 'button', className: 'primary', onClick: async () => {
		try {
			const { data } = await api<Joined>('POST', `/calls/${call.id}/join`);
			show(data, false, 'Connected');
		}
		catch (error) {
			clear(layer());
			announce(`Could not join: ${(error as Error).message}`, true);
		}
	} }, 'Accept');
	const reject = h('button', { type: 'button', className: 'danger', onClick: async () => {
		clear(layer());
		await api('POST', `/calls/${call.id}/reject`).catch(() => {});
	} }, 'Reject');
	clear(layer(), h('section', { className: 'call-panel ringing', role: 'alertdialog', 'aria-labelledby': 'ring-title' },
		h('h2', { id: 'ring-title' }, `Incoming ${call.type === 'VIDEO' ? 'video' : 'audio'} call`),
		h('p', {}, 'From ', name), h('div', { className: 'actions' }, accept, reject)));
	accept.focus();
	active = null;
	ringingCall = call.id;
}

let ringingCall = '';

export function listenForCalls(): void {
	socket?.on('call:ringing', ({ call, initiatorId }: { call: Call; initiatorId: string }) => ringing(call, initiatorId));
	socket?.on('call:participant:join', ({ callId, userId }: { callId: string; userId: string }) => {
		if (active?.call.id === callId) active.status.textContent = `${username(userId)} joined`;
	});
	socket?.on('call:participant:leave', ({ callId, userId }: { callId: string; userId: string }) => {
		if (active?.call.id === callId) active.status.textContent = `${username(userId)} left`;
	});
	socket?.on('call:reject', ({ callId, userId }: { callId: string; userId: string }) => {
		if (active?.call.id === callId) active.status.textContent = `${username(userId)} declined`;
	});
	socket?.on('call:end', ({ callId, status }: { callId: string; status: string }) => {
		if (active?.call.id === callId || ringingCall === callId) {
			close();
			ringingCall = '';
			announce(status === 'MISSED' ? 'Missed call' : 'The call ended');
		}
	});
}
