/**
 * Imported by the client components that validate with zod. In the browser zod's JIT first probes
 * `new Function("")`; the app's CSP forbids eval, so the probe fails (zod falls back, correctly) but
 * Chromium still reports a securitypolicyviolation on every such page (RELIABILITY HDR-02). Turning
 * the JIT off in the browser skips the probe; the server keeps it.
 */
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });
