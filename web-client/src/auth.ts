/** Log in and register: the contract's validation errors next to their fields, a 429's wait shown. */
import { ApiError, login, register, waitText } from './api';
import { h } from './dom';

interface Field {
	name: string;
	label: string;
	type: string;
	autocomplete: string;
	hint?: string;
}

export function authView(mode: 'login' | 'register', navigate: (path: string) => void, notice = ''): HTMLElement {
	const fields: Field[] = mode === 'register'
		? [
			{ name: 'username', label: 'Username', type: 'text', autocomplete: 'username', hint: '3–50 letters, digits or _' },
			{ name: 'email', label: 'Email', type: 'email', autocomplete: 'email' },
			{ name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password', hint: 'At least 8 characters with upper and lower case letters and a digit' },
		]
		: [
			{ name: 'email', label: 'Email', type: 'email', autocomplete: 'email' },
			{ name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password' },
		];
	const title = mode === 'register' ? 'Create your account' : 'Log in';
	const formError = h('p', { className: 'form-error', id: 'form-error', role: 'alert' }, notice);
	const submit = h('button', { type: 'submit', className: 'primary' }, mode === 'register' ? 'Create account' : 'Log in');
	const inputs = new Map<string, HTMLInputElement>();
	const errors = new Map<string, HTMLElement>();
	const form = h('form', { className: 'auth-form', novalidate: true, 'aria-labelledby': 'auth-title' },
		h('h1', { id: 'auth-title' }, title),
		fields.map((field) => {
			const input = h('input', { id: field.name, name: field.name, type: field.type, autocomplete: field.autocomplete,
				required: true, 'aria-describedby': `${field.name}-hint ${field.name}-error` });
			const error = h('p', { className: 'field-error', id: `${field.name}-error` });
			inputs.set(field.name, input);
			errors.set(field.name, error);
			return h('div', { className: 'field' },
				h('label', { for: field.name }, field.label), input,
				h('p', { className: 'hint', id: `${field.name}-hint` }, field.hint ?? ''), error);
		}),
		formError,
		submit,
		h('p', {}, mode === 'register'
			? h('a', { href: '/login', 'data-link': true }, 'I already have an account')
			: h('a', { href: '/register', 'data-link': true }, 'Create an account')));
	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		errors.forEach((e) => { e.textContent = ''; });
		inputs.forEach((i) => i.removeAttribute('aria-invalid'));
		formError.textContent = '';
		submit.disabled = true;
		const value = (name: string) => inputs.get(name)?.value.trim() ?? '';
		try {
			if (mode === 'register') await register(value('username'), value('email'), inputs.get('password')!.value);
			else await login(value('email'), inputs.get('password')!.value);
			navigate('/');
		}
		catch (error) {
			showError(error);
		}
		finally {
			submit.disabled = false;
		}
	});

	function showError(error: unknown): void {
		if (!(error instanceof ApiError)) {
			formError.textContent = 'Something went wrong. Please try again.';
			return;
		}
		if (error.status === 429) {
			formError.textContent = `Too many attempts. Try again in ${waitText(error.retryAfter ?? 60)}.`;
			return;
		}
		let placed = false;
		for (const [name, text] of Object.entries(error.fields)) {
			const field = errors.get(name);
			if (field) {
				field.textContent = `${fields.find((f) => f.name === name)?.label}: ${text}`;
				inputs.get(name)!.setAttribute('aria-invalid', 'true');
				placed = true;
			}
		}
		const firstInvalid = form.querySelector<HTMLInputElement>('[aria-invalid="true"]');
		firstInvalid?.focus();
		if (!placed) formError.textContent = error.message;
	}

	return h('main', { className: 'auth' }, h('p', { className: 'brand', 'aria-hidden': 'true' }, 'Chatline'), form);
}
