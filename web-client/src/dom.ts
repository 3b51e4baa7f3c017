/** A tiny element builder: the whole "UI library" of this client (see README: why no framework). */
type Child = Node | string | number | null | undefined | false;
type AttrValue = string | number | boolean | null | undefined | ((event: any) => void);

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, AttrValue> = {},
		...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
	const el = document.createElement(tag);
	for (const [name, value] of Object.entries(attrs)) {
		if (typeof value === 'function') {
			el.addEventListener(name.slice(2).toLowerCase(), value);
		}
		else if (value === true) {
			el.setAttribute(name, '');
		}
		else if (value !== false && value !== null && value !== undefined) {
			el.setAttribute(name === 'className' ? 'class' : name, String(value));
		}
	}
	append(el, children);
	return el;
}

export function append(el: Element, children: (Child | Child[])[]): void {
	for (const child of children.flat()) {
		if (child !== null && child !== undefined && child !== false) {
			el.append(child instanceof Node ? child : String(child));
		}
	}
}

export function clear(el: Element, ...children: (Child | Child[])[]): void {
	el.replaceChildren();
	append(el, children);
}

export function formatTime(iso: string): string {
	const date = new Date(iso);
	const sameDay = date.toDateString() === new Date().toDateString();
	return sameDay ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
		: date.toLocaleDateString([], { month: 'short', day: 'numeric' }) + ' ' + date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** A short, polite announcement for screen readers and everyone else (role=status). */
export function announce(text: string, isError = false): void {
	const region = document.getElementById(isError ? 'alerts' : 'status');
	if (!region) return;
	region.textContent = text;
	window.setTimeout(() => { if (region.textContent === text) region.textContent = ''; }, 6000);
}
