// Preloaded (node --require) into Prisma CLI processes started by scripts/db.ts. The WebAssembly
// schema engine leaves long timers behind that keep the CLI alive for 10-60 s after it has finished
// its work; unref'ing timers of a second or more lets the process exit as soon as it is done.
const LONG_MS = 1000;
for (const name of ["setTimeout", "setInterval"]) {
  const original = globalThis[name];
  globalThis[name] = function patched(callback, ms, ...args) {
    const timer = original.call(this, callback, ms, ...args);
    if (typeof ms === "number" && ms >= LONG_MS && typeof timer?.unref === "function")
      timer.unref();
    return timer;
  };
}
