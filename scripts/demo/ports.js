// Picks the port VS Code is served on: 8080 unless it is taken, then the next free one, so a
// person gets the same URL run after run.
'use strict';

const net = require('net');

/** True when nothing listens on 127.0.0.1:port (a 0.0.0.0 listener counts as taken too). */
function isPortFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * @param {number | undefined} requested a port the user asked for: it must be free
 * @param {number} preferred tried first when nothing was requested, then the 20 ports after it
 */
async function choosePort(requested, preferred) {
  if (requested !== undefined) {
    if (await isPortFree(requested)) return requested;
    throw new Error(`port ${requested} on 127.0.0.1 is in use. Stop what uses it, or pick another one with --port.`);
  }
  for (let port = preferred; port <= preferred + 20; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`ports ${preferred} to ${preferred + 20} on 127.0.0.1 are all in use. Pick a free one with --port.`);
}

module.exports = { choosePort };
