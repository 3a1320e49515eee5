/**
 * A worker script URL (the pdf.js worker, the DICOM decode worker) in the form the page accepts.
 * Under Trusted Types (`require-trusted-types-for 'script'`) `new Worker(string)` throws: the URL must be a
 * TrustedScriptURL, made by a policy. labelkit's policy is named `labelkit` (a host that lists
 * allowed policy names with `trusted-types` adds it, next to lit's `lit-html`); it only ever sees
 * the worker URLs labelkit itself chose (the package's files, or a host's `worker-src`,
 * `pdfjs-base` or `codecs-base`).
 */
interface TrustedScriptUrlPolicy {
  createScriptURL(input: string): unknown;
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): TrustedScriptUrlPolicy;
}

export const TRUSTED_TYPES_POLICY = 'labelkit';

/**
 * One policy per page, as the browser counts them: a host whose `trusted-types` directive lacks
 * 'allow-duplicates' refuses a second policy of the same name, so it is created once and reused.
 */
let policy: TrustedScriptUrlPolicy | null | undefined;

function labelkitPolicy(): TrustedScriptUrlPolicy | null {
  if (policy !== undefined) return policy;
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  try {
    policy = factory ? factory.createPolicy(TRUSTED_TYPES_POLICY, { createScriptURL: (input) => input }) : null;
  } catch {
    // The host's `trusted-types` directive does not allow this name: fall back to the plain URL
    // (the host's default policy, if any, decides; otherwise the load fails with a clear error).
    policy = null;
  }
  return policy;
}

/** What to pass to `new Worker(…)`: a TrustedScriptURL where Trusted Types exist, else the string. */
export function workerScriptUrl(url: string | URL): string | URL {
  const trusted = labelkitPolicy()?.createScriptURL(String(url));
  return (trusted ?? url) as string | URL;
}
