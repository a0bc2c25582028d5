/**
 * Where to go after signing in: only a same-site path is accepted (no open redirects through
 * `callbackUrl`); anything else falls back to the drill catalog.
 */
export function safeCallbackPath(value: string | string[] | undefined | null, fallback = "/drills"): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || raw.length > 512) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\") || /[\u0000-\u001f\\]/.test(raw)) return fallback;
  return raw;
}
