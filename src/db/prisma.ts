// The Prisma types repositories share: a client or an open transaction, so use cases can compose writes atomically.
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";

export type Db = PrismaClient | Prisma.TransactionClient;
export type { PrismaClient };
export { Prisma };

/** True for a unique-constraint violation (P2002), however the driver adapter reports it. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } };
  return e?.code === "P2002" || e?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}
