// One Socket.IO connection for the end-to-end tests, driven by SocketClient.java.
// Usage: node socket-client.mjs <url> <auth|header|none> <websocket|polling> [token]
// Prints one JSON object per line on stdout: {"event": "...", "data": ...}; exits when
// stdin closes (the Java side ends the process) or after a connect_error.
// Commands, one JSON object a line on stdin:
//   {"id": 1, "event": "message:send", "data": {...}, "ack": true}
// emits the event (buffered by the client until connected); with "ack" the server's answer is
// printed as {"event": "$ack", "data": {"id": 1, "event": "message:send", "response": ..., "error": null}}
// ("error" is set when no ack came within 10 s).
import { createInterface } from 'node:readline';
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

const commands = createInterface({ input: process.stdin });
commands.on('line', (line) => {
  if (!line.trim()) {
    return;
  }
  let command;
  try {
    command = JSON.parse(line);
  } catch (err) {
    emit('$command-error', { line, message: err.message });
    return;
  }
  const { id, event, data, ack } = command;
  if (!ack) {
    socket.emit(event, data);
    return;
  }
  socket.timeout(10000).emit(event, data, (err, response) => {
    emit('$ack', { id, event, response: response ?? null, error: err ? err.message : null });
  });
});
commands.on('close', () => {
  // A normal disconnect (DISCONNECT packet, then the transport closes) rather than a dropped
  // connection; the timer only bounds the wait for it to be written.
  socket.close();
  setTimeout(() => process.exit(0), 300).unref();
});
