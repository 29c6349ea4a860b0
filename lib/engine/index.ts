/** The workflow engine: pure TypeScript (no Next.js, Prisma, clock or network). */
export * from "./audit-chain";
export * from "./audit-events";
export * from "./chain";
export * from "./default-workflows";
export * from "./errors";
export * from "./expressions";
export * from "./fields";
export * from "./graph";
export * from "./lifecycle";
export * from "./model";
export * from "./permitted";
export * from "./run";
