/**
 * REST under /api/v1 with the contract's envelope, and the session: tokens kept in localStorage,
 * the access token refreshed a minute before it expires (and once more on a 401), one refresh at a
 * time across tabs (Web Locks), since the refresh token rotates and a reused one ends the session.
 */
export interface User {
	id: string;
	username: string;
	email?: string;
	avatar?: string | null;
	statusMessage?: string | null;
	isOnline?: boolean;
	lastSeen?: string;
}

export interface Session {
	user: User;
	accessToken: string;
	refreshToken: string;
}

export interface Pagination {
	page: number;
	limit: number;
	total: number;
	totalPages: number;
}

export class ApiError extends Error {
	/** Field name → message, from a VALIDATION_ERROR's "field: message; field: message". */
	readonly fields: Record<string, string> = {};

	constructor(readonly status: number, readonly code: string, message: string, readonly retryAfter?: number) {
		super(message);
		if (code === 'VALIDATION_ERROR') {
			for (const part of message.split('; ')) {
				const match = /^([A-Za-z][\w.]*): (.+)$/.exec(part);
				if (match) this.fields[match[1]] = match[2];
			}
		}
	}

	get offline(): boolean {
		return this.status === 0;
	}
}

const KEY = 'chatline.session';
const REFRESH_EARLY_MS = 60_000;
let current: Session | null = load();
let refreshTimer: number | undefined;
let ended: (reason: string) => void = () => {};

function load(): Session | null {
	try {
		return JSON.parse(localStorage.getItem(KEY) ?? 'null');
	}
	catch {
		return null;
	}
}

export function session(): Session | null {
	return current;
}

export function onSessionEnded(listener: (reason: string) => void): void {
	ended = listener;
}

export function startSession(next: Session): void {
	current = next;
	localStorage.setItem(KEY, JSON.stringify(next));
	scheduleRefresh();
}

export function endSession(reason: string): void {
	const had = current !== null;
	current = null;
	localStorage.removeItem(KEY);
	window.clearTimeout(refreshTimer);
	if (had) ended(reason);
}

function expiresAt(token: string): number {
	try {
		const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
		return JSON.parse(atob(payload)).exp * 1000;
	}
	catch {
		return 0;
	}
}

export function scheduleRefresh(): void {
	window.clearTimeout(refreshTimer);
	if (!current) return;
	const wait = Math.max(5_000, expiresAt(current.accessToken) - Date.now() - REFRESH_EARLY_MS);
	refreshTimer = window.setTimeout(() => { refresh().catch(() => {}); }, wait);
}

let refreshing: Promise<string> | null = null;

/** A new access token; another tab's fresh one is taken instead of refreshing twice. */
export function refresh(): Promise<string> {
	if (!refreshing) {
		const run = async () => {
			const stale = current?.accessToken;
			const stored = load();
			if (stored && stored.accessToken !== stale && expiresAt(stored.accessToken) - Date.now() > REFRESH_EARLY_MS) {
				current = stored;
				scheduleRefresh();
				return stored.accessToken;
			}
			if (!stored) throw new ApiError(401, 'UNAUTHORIZED', 'Signed out');
			const { data } = await call<{ accessToken: string; refreshToken: string }>('POST', '/auth/refresh',
				{ refreshToken: stored.refreshToken }, false);
			startSession({ ...stored, accessToken: data.accessToken, refreshToken: data.refreshToken });
			return data.accessToken;
		};
		const locks = (navigator as Navigator & { locks?: LockManager }).locks;
		refreshing = (locks ? locks.request('chatline-refresh', run) : run())
			.catch((error: unknown) => {
				if (error instanceof ApiError && error.status === 401) endSession('Your session has ended. Please log in again.');
				throw error;
			})
			.finally(() => { refreshing = null; });
	}
	return refreshing;
}

/** The access token, refreshed first if it is about to expire. */
export async function freshToken(): Promise<string> {
	if (!current) throw new ApiError(401, 'UNAUTHORIZED', 'Signed out');
	if (expiresAt(current.accessToken) - Date.now() < REFRESH_EARLY_MS) return refresh();
	return current.accessToken;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<{ data: T; pagination?: Pagination }> {
	try {
		return await call<T>(method, path, body, true);
	}
	catch (error) {
		if (error instanceof ApiError && error.status === 401 && current) {
			await refresh();
			return call<T>(method, path, body, true);
		}
		throw error;
	}
}

async function call<T>(method: string, path: string, body: unknown, auth: boolean): Promise<{ data: T; pagination?: Pagination }> {
	const headers: Record<string, string> = { Accept: 'application/json' };
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	if (auth) headers.Authorization = `Bearer ${await freshToken()}`;
	let response: Response;
	try {
		response = await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
	}
	catch {
		throw new ApiError(0, 'OFFLINE', 'No connection to the server');
	}
	const envelope = await response.json().catch(() => null);
	if (!response.ok || !envelope || envelope.success === false) {
		const retryAfter = Number(response.headers.get('Retry-After')) || undefined;
		throw new ApiError(response.status, envelope?.code ?? 'ERROR',
			envelope?.message ?? `The server answered ${response.status}`, retryAfter);
	}
	return envelope;
}

export async function login(email: string, password: string): Promise<void> {
	const { data } = await call<Session>('POST', '/auth/login', { email, password }, false);
	startSession(data);
}

export async function register(username: string, email: string, password: string): Promise<void> {
	await call<User>('POST', '/auth/register', { username, email, password }, false);
	await login(email, password);
}

export async function logout(): Promise<void> {
	const refreshToken = current?.refreshToken;
	try {
		if (refreshToken) await api('POST', '/auth/logout', { refreshToken });
	}
	finally {
		endSession('');
	}
}

/** "12 minutes 3 s", for a 429's Retry-After. */
export function waitText(seconds: number): string {
	const minutes = Math.floor(seconds / 60);
	return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}
