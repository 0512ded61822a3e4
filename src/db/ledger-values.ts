// How dates, decimals and a member's balance come out of the attendance and ledger tables: shared by the repository
// and the fact reads beside it.
import type { Db, Prisma } from "./prisma.js";

/** A local calendar date as PostgreSQL DATE values travel through Prisma: UTC midnight. */
export const asDbDate = (date: string) => new Date(`${date}T00:00:00Z`);
export const fromDbDate = (d: Date) => d.toISOString().slice(0, 10);
/** Decimal columns and sums (null for no rows) as numbers. */
export const num = (d: Prisma.Decimal | number | null | undefined) => (d === null || d === undefined ? 0 : Number(d));

/** The ledger balance and pending reservations of a member. */
export const ledgerBalance = async (db: Db, memberId: string) =>
  num((await db.ptoLedgerEntry.aggregate({ where: { memberId }, _sum: { hours: true } }))._sum.hours);
export const pendingHours = async (db: Db, memberId: string) =>
  num((await db.ptoRequest.aggregate({ where: { memberId, status: "pending" }, _sum: { hours: true } }))._sum.hours);

export async function balanceOf(db: Db, memberId: string): Promise<{ balance: number; reserved: number }> {
  const [balance, reserved] = await Promise.all([ledgerBalance(db, memberId), pendingHours(db, memberId)]);
  return { balance, reserved };
}
