// One Socket.IO connection for the end-to-end tests, driven by SocketClient.java.
// Usage: node socket-client.mjs <url> <auth|header|none> <websocket|polling> [token]
// Prints one JSON object per line on stdout: {"event": "...", "data": ...}; exits when
// stdin closes (the Java side ends the process) or after a connect_error.
import { io } from 'socket.io-client';

const [url, mode, transport, token] = process.argv.slice(2);
const options = {
  transports: [transport],
  reconnection: false,
  timeout: 10000,
};
if (mode === 'auth') {
  options.auth = { token };
} else if (mode === 'header') {
  // Node only: browsers cannot set headers on a WebSocket; polling carries them on every request.
  options.extraHeaders = { authorization: `Bearer ${token}` };
}

const emit = (event, data) => process.stdout.write(JSON.stringify({ event, data: data ?? null }) + '\n');
const socket = io(url, options);

socket.on('connect', () => emit('connect', { id: socket.id, transport: socket.io.engine.transport.name }));
socket.on('connect_error', (err) => {
  emit('connect_error', { message: err.message, data: err.data ?? null });
  socket.close();
  process.exit(0);
});
socket.on('disconnect', (reason) => emit('disconnect', { reason }));
socket.onAny((event, ...args) => emit(event, args.length <= 1 ? args[0] : args));

process.stdin.on('end', () => {
  socket.close();
  process.exit(0);
});
process.stdin.resume();
