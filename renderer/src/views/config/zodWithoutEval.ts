// zod probes once, when its first object schema is built, whether it may compile its checks with
// `new Function`; the page's CSP (script-src 'self') refuses that and the browser reports a
// violation each time. zod then checks without compiling anyway, so it is told so from the start.
// ConfigView.tsx imports this first: this page brings zod along (shared/config/schema.ts), and
// module order puts this before any of its schemas exist (test/e2e/page-chunks.test.ts sees no violation).
import { config } from 'zod';

config({ jitless: true });
