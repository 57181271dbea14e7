/**
 * Runs the doctor's checks — pasted error, base URL, subscription keys, API users, target
 * environment and currency, workspace — and reports every finding in that order. Creates
 * nothing and changes no credential: it only reads users, asks for tokens and reads balances.
 * Checks that do not need each other's answers run side by side (every key and every user at
 * once; inside each, its own requests at once), so a report costs two round trips: those, then
 * the balance read with the first working token.
 */
import { MomoClient } from '../momo/client';
import { redactSecrets } from '../momo/redact';
import { checkApiUser, ProductSession } from './checks/apiUser';
import { checkBaseUrl } from './checks/baseUrl';
import { legacyPlatformNote } from './checks/platformMigration';
import type { CheckContext } from './checks/context';
import { explainPastedError } from './checks/explainPasted';
import { checkSubscriptionKey } from './checks/subscriptionKey';
import { checkTargetEnvironmentLive, checkTargetEnvironmentValue } from './checks/targetEnvironment';
import { resolveEnvironment } from './environment';
import { DoctorCancelled } from './findings';
import type { DoctorApiUser, DoctorFinding, DoctorInput, DoctorOptions, DoctorReport, DoctorSeverity } from './types';

type Emit = (finding: DoctorFinding) => void;

export async function runDoctor(input: DoctorInput, options: DoctorOptions = {}): Promise<DoctorReport> {
  const findings: DoctorFinding[] = [];
  const secrets = secretsOf(input);
  const emit: Emit = (finding) => {
    const safe = redactFinding(finding, secrets);
    findings.push(safe);
    options.onFinding?.(safe);
  };
  let cancelled = false;
  try {
    if (input.errorText?.trim()) emit(explainPastedError(input.errorText));
    await runOnlineChecks(input, options.signal, emit);
    throwIfCancelled(options.signal);
    for (const finding of input.workspaceFindings ?? []) emit(finding);
  } catch (err) {
    if (!(err instanceof DoctorCancelled)) throw err;
    cancelled = true;
  }
  return summarize(findings, cancelled);
}

async function runOnlineChecks(input: DoctorInput, signal: AbortSignal | undefined, emit: Emit): Promise<void> {
  const keys = input.subscriptionKeys ?? [];
  const users = input.apiUsers ?? [];
  const env = resolveEnvironment(input);
  const needsNetwork = keys.length > 0 || users.length > 0;
  const clientFor = (baseUrl: string): MomoClient | undefined => {
    try {
      return new MomoClient({ baseUrl, timeoutMs: input.timeoutMs, tokenTimeoutMs: input.tokenTimeoutMs, targetEnvironment: env.target?.id ?? input.targetEnvironment });
    } catch {
      return undefined;
    }
  };
  const ctx: CheckContext = { production: env.production, signal, clientFor };
  if (env.baseUrlGiven || needsNetwork) {
    const baseUrl = checkBaseUrl(env);
    emit(baseUrl.finding);
    if (baseUrl.usableBaseUrl) {
      ctx.client = clientFor(baseUrl.usableBaseUrl);
      const migration = legacyPlatformNote(baseUrl.usableBaseUrl);
      if (migration) emit(migration);
    }
  }

  throwIfCancelled(signal);
  const keyChecks = keys.map((key) => settled(checkSubscriptionKey(key, ctx)));
  const userChecks = users.map((user) => settled(checkApiUser({ ...user, subscriptionKey: subscriptionKeyFor(user, input) }, ctx)));
  for (const check of keyChecks) (await outcome(check)).forEach(emit);

  let session: ProductSession | undefined;
  for (const check of userChecks) {
    const result = await outcome(check);
    result.findings.forEach(emit);
    session = session ?? result.session;
  }

  throwIfCancelled(signal);
  if (input.targetEnvironment === undefined && input.currency === undefined && !session) return;
  const target = checkTargetEnvironmentValue({ targetEnvironment: input.targetEnvironment, currency: input.currency, production: env.production });
  target.findings.forEach(emit);
  if (session && target.value && ctx.client) emit(await checkTargetEnvironmentLive(target.value, session, ctx));
}

/** The user's own key, else the given key of its product, else the only key when its product is not known. */
function subscriptionKeyFor(user: DoctorApiUser, input: DoctorInput): string | undefined {
  if (user.subscriptionKey !== undefined) return user.subscriptionKey;
  const keys = input.subscriptionKeys ?? [];
  const sameProduct = keys.find((k) => k.product === user.product);
  if (sameProduct) return sameProduct.key;
  return keys.length === 1 && !keys[0].product ? keys[0].key : undefined;
}

type Settled<T> = Promise<{ value: T } | { error: unknown }>;

/** A check started now whose failure waits for its turn (a cancelled report skips the rest, never leaving a rejection unheard). */
function settled<T>(work: Promise<T>): Settled<T> {
  return work.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

async function outcome<T>(check: Settled<T>): Promise<T> {
  const result = await check;
  if ('error' in result) throw result.error;
  return result.value;
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DoctorCancelled();
}

function secretsOf(input: DoctorInput): string[] {
  const values = [
    ...(input.subscriptionKeys ?? []).map((k) => k.key),
    ...(input.apiUsers ?? []).flatMap((u) => [u.apiKey ?? '', u.subscriptionKey ?? '']),
  ];
  return values.map((v) => v.trim()).filter(Boolean);
}

/** A last guard: whatever a check or a server wrote, no known secret leaves the doctor in text. */
function redactFinding(finding: DoctorFinding, secrets: string[]): DoctorFinding {
  const clean = (text: string) => redactSecrets(text, secrets);
  const safe: DoctorFinding = { ...finding, message: clean(finding.message) };
  if (finding.subject) safe.subject = clean(finding.subject);
  if (finding.next) safe.next = clean(finding.next);
  if (finding.causes) safe.causes = finding.causes.map(clean);
  if (finding.fixes) safe.fixes = finding.fixes.map((fix) => ({ ...fix, label: clean(fix.label) }));
  return safe;
}

export function summarize(findings: DoctorFinding[], cancelled = false): DoctorReport {
  const counts: Record<DoctorSeverity, number> = { error: 0, warning: 0, info: 0, ok: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return { ok: counts.error === 0 && !cancelled, findings, cancelled, counts };
}
