import { startEmbeddedServer } from "../lib/db/embedded-server";

const s = await startEmbeddedServer({ dataDir: "/tmp/benchpg/pg", database: "bench", port: 54399 });
console.log(s.url);
setInterval(() => {}, 1 << 30);
process.on("SIGTERM", async () => {
  await s.stop();
  process.exit(0);
});
