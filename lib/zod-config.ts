/**
 * zod's settings for the browser, imported first by every module that builds schemas the browser
 * runs (forms, field definitions). zod compiles object schemas with `new Function` when it may; to
 * find out it tries once, and under the pages' strict CSP (no 'unsafe-eval': lib/security/
 * headers.ts) that try is reported as a violation even though zod catches it. `jitless` skips the
 * try. The server keeps the compiled fast path.
 */
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });
