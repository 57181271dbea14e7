/**
 * One axios instance per client, over keep-alive agents shared per base URL: provisioning
 * makes several calls in a row to the same host, and re-doing the TLS handshake for each
 * costs more than the calls themselves.
 */
import axios, { AxiosInstance } from 'axios';
import * as http from 'node:http';
import * as https from 'node:https';
import { USER_AGENT } from '../version';

/** MoMo answers are a few hundred bytes; anything past this is cut off, never buffered. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

const agents = new Map<string, http.Agent>();

/** The keep-alive agent for this base URL's origin, created once. */
export function agentFor(baseUrl: string): http.Agent {
  const url = new URL(baseUrl);
  let agent = agents.get(url.origin);
  if (!agent) {
    const options = { keepAlive: true, maxSockets: 8 };
    agent = url.protocol === 'http:' ? new http.Agent(options) : new https.Agent(options);
    agents.set(url.origin, agent);
  }
  return agent;
}

/** Closes every pooled connection (tests and short-lived processes call this when done). */
export function destroyAgents(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

export function createHttp(baseUrl: string, timeoutMs: number): AxiosInstance {
  const agent = agentFor(baseUrl);
  return axios.create({
    baseURL: baseUrl,
    timeout: timeoutMs,
    httpAgent: agent instanceof https.Agent ? undefined : agent,
    httpsAgent: agent instanceof https.Agent ? agent : undefined,
    // A redirect would carry the subscription key header to wherever it points.
    maxRedirects: 0,
    // A server streaming an endless body must not exhaust memory (decompressed bytes count).
    maxContentLength: MAX_RESPONSE_BYTES,
    // Bodies stay raw text: error bodies are not always JSON, and we parse them ourselves.
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    // Every status comes back as a response; classification decides what is an error.
    validateStatus: () => true,
    // A product User-Agent: the new production gateway refuses some library defaults with an HTML 403.
    headers: { Accept: 'application/json', 'User-Agent': USER_AGENT },
  });
}
