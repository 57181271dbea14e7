/** What the network checks share: one client for the checked base URL, and the environment. */
import type { MomoClient } from '../../momo/client';

export interface CheckContext {
  /** Undefined when the base URL cannot be used: the network checks are then skipped. */
  client?: MomoClient;
  /** Production has no Provisioning API, so keys and users are probed through the token endpoint. */
  production: boolean;
  /** The X-Target-Environment the product calls send. */
  targetEnvironment?: string;
  signal?: AbortSignal;
  /** A client like `client` for another base URL (a user of the other platform); undefined when unusable. */
  clientFor?: (baseUrl: string) => MomoClient | undefined;
}
