/**
 * The baseline: the `mtn-momo` npm package's own user-and-key creation, exactly what its
 * `momo-sandbox` CLI does (Users.create, then Users.login), pointed at the emulator.
 */
import * as momo from 'mtn-momo';

export async function mtnMomoProvision(input: { baseUrl: string; subscriptionKey: string; callbackHost: string }): Promise<{ apiUser: string; apiKey: string }> {
  const users = momo.create({ callbackHost: input.callbackHost, baseUrl: input.baseUrl }).Users({ primaryKey: input.subscriptionKey });
  const apiUser = await users.create(input.callbackHost);
  const { apiKey } = await users.login(apiUser);
  return { apiUser, apiKey };
}
