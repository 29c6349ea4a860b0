/** The app's structured logger (JSON lines on stdout; LOG_LEVEL sets the threshold). */
import pino from "pino";

export const log = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { app: "flowgate" },
  redact: {
    paths: ["password", "*.password", "passwordHash", "*.passwordHash"],
    censor: "[redacted]",
  },
});
