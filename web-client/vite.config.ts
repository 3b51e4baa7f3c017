import { defineConfig } from 'vite';

// Built into the jar's web-client/ folder, which the gateway serves at / (WebClientResources).
// Hashed file names under assets/ are cached for a year; index.html is never cached.
export default defineConfig({
	build: {
		outDir: 'target/classes/web-client',
		emptyOutDir: true,
		assetsDir: 'assets',
		target: 'es2022',
		modulePreload: { polyfill: false },
	},
	server: {
		// `npm run dev` against a platform running on :3000.
		proxy: {
			'/api': 'http://localhost:3000',
			'/socket.io': { target: 'http://localhost:3000', ws: true },
		},
	},
});
