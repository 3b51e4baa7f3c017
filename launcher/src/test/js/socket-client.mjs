// One Socket.IO connection for the end-to-end tests, driven by SocketClient.java.
// Usage: node socket-client.mjs <url> <auth|header|none> <websocket|polling|default> [token] [reconnect]
// "default" is the client's default: polling first, then the upgrade to websocket.
// Prints one JSON object per line on stdout: {"event": "...", "data": ...}; exits when
// stdin closes (the Java side ends the process) or, unless "reconnect" was given (the client then
// reconnects on its own, as applications do), after a connect_error.
// Cookies are kept, as a browser does (the gateway's sticky-session cookie names the realtime
// instance; "connect" reports it as data.instance).
// Commands, one JSON object a line on stdin:
//   {"id": 1, "event": "message:send", "data": {...}, "ack": true}
// emits the event (buffered by the client until connected); with "ack" the server's answer is
// printed as {"event": "$ack", "data": {"id": 1, "event": "message:send", "response": ..., "error": null}}
// ("error" is set when no ack came within 10 s).
import { createInterface } from 'node:readline';
import { io } from 'socket.io-client';

const [url, mode, transport, token, reconnect] = process.argv.slice(2);
const reconnecting = reconnect === 'reconnect';
const options = {
  transports: transport === 'default' ? ['polling', 'websocket'] : [transport],
  reconnection: reconnecting,
  reconnectionDelay: 300,
  reconnectionDelayMax: 1000,
  timeout: 10000,
  withCredentials: true,
};
if (mode === 'auth') {
  options.auth = { token };
} else if (mode === 'header') {
  // Node only: browsers cannot set headers on a WebSocket; polling carries them on every request.
  options.extraHeaders = { authorization: `Bearer ${token}` };
}

const emit = (event, data) => process.stdout.write(JSON.stringify({ event, data: data ?? null }) + '\n');
const socket = io(url, options);

// The realtime instance the gateway's sticky-session cookie names, if any.
const instance = () => {
  for (const [name, cookie] of socket.io.engine?._cookieJar?.cookies ?? []) {
    if (name === 'sc-lb-instance-id') {
      return cookie.value;
    }
  }
  return null;
};

socket.on('connect', () => emit('connect', { id: socket.id, transport: socket.io.engine.transport.name, instance: instance() }));
socket.on('connect_error', (err) => {
  emit('connect_error', { message: err.message, data: err.data ?? null });
  if (!reconnecting) {
    socket.close();
    process.exit(0);
  }
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
